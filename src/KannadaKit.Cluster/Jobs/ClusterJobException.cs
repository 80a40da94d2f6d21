namespace KannadaKit.Cluster.Jobs;

/// <summary>A job cannot be planned or run; the message names the file and what is wrong, on one line.</summary>
public sealed class ClusterJobException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ClusterJobException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
