using System.Net;
using System.Net.Sockets;

namespace KannadaKit.Testing.Net;

/// <summary>Runs of consecutive free ports on loopback, for starting several local servers side by side.</summary>
public static class FreePorts
{
    /// <summary>The first of <paramref name="count"/> consecutive ports that were free a moment ago.</summary>
    public static int Run(int count)
    {
        for (int attempt = 0; attempt < 50; attempt++)
        {
            int start = Random.Shared.Next(20000, 60000);
            var listeners = new List<TcpListener>();
            try
            {
                for (int i = 0; i < count; i++)
                {
                    var l = new TcpListener(IPAddress.Loopback, start + i);
                    l.Start();
                    listeners.Add(l);
                }

                return start;
            }
            catch (SocketException)
            {
            }
            finally
            {
                foreach (var l in listeners)
                    l.Stop();
            }
        }

        throw new InvalidOperationException($"no {count} free consecutive ports on loopback");
    }
}
