namespace KannadaKit.Cluster;

/// <summary>Names the cluster's providers share.</summary>
public static class ClusterStorage
{
    /// <summary>The grain storage provider jobs and feeds keep their state in.</summary>
    public const string Name = "kannadakit";
}
