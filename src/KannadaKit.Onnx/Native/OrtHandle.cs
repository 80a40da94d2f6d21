using System.Runtime.InteropServices;

namespace KannadaKit.Onnx.Native;

/// <summary>
/// An owned ORT object released through its <c>Release*</c> slot. Every handle keeps the API table alive, and
/// <see cref="SafeHandle"/> reference counting keeps an object alive while a native call is using it.
/// </summary>
internal sealed class OrtHandle : SafeHandle
{
    // Release* slots in struct OrtApi (1.30).
    public const int EnvSlot = 92;
    public const int MemoryInfoSlot = 94;
    public const int SessionSlot = 95;
    public const int ValueSlot = 96;
    public const int RunOptionsSlot = 97;
    public const int SessionOptionsSlot = 100;
    public const int ModelMetadataSlot = 118;
    public const int IoBindingSlot = 135;

    private readonly OrtApi _api;
    private readonly int _releaseSlot;

    public OrtHandle(OrtApi api, nint handle, int releaseSlot)
        : base(0, ownsHandle: true)
    {
        _api = api;
        _releaseSlot = releaseSlot;
        SetHandle(handle);
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        _api.Release(_releaseSlot, handle);
        return true;
    }
}
