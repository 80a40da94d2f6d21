using System.Net;
using System.Net.Sockets;

namespace KannadaKit.Net;

/// <summary>
/// Which addresses network code may connect to: public ones only, unless private and loopback ones are allowed. The
/// check runs on the address actually connected to (after DNS, on every redirect), so a name that resolves to an
/// internal address is refused too.
/// </summary>
public static class AddressPolicy
{
    /// <summary>True for loopback, private (RFC 1918, unique-local), link-local, carrier-grade NAT, unspecified and multicast addresses.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] is 0 or 10 or 127 || b[0] >= 224
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127);
        }

        return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.Equals(IPAddress.IPv6None)
            || (address.GetAddressBytes()[0] & 0xFE) == 0xFC;
    }
}
