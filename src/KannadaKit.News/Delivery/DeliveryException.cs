namespace KannadaKit.News.Delivery;

/// <summary>A digest could not be delivered; the message names the server and the reason, on one line.</summary>
public sealed class DeliveryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DeliveryException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
