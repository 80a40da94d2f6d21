using System.Runtime.InteropServices;

namespace KannadaKit.Onnx.Native;

/// <summary>
/// The ONNX Runtime C API function table (<c>struct OrtApi</c>) for API version 30, called by slot index.
/// Slot numbers are from the 1.30 header (../shared/docs/reference/onnxruntime.md, Appendix A); the table is
/// append-only, so these slots hold for every later runtime too. Every call that returns an <c>OrtStatus*</c> goes
/// through <see cref="Check"/>, the one place native failures become <see cref="OnnxRuntimeException"/>.
/// </summary>
internal sealed unsafe class OrtApi
{
    /// <summary>The API version we request: the lowest that has every slot we call.</summary>
    public const uint ApiVersion = 30;

    private readonly nint* _api;

    private OrtApi(nint* api, string version, string libraryPath)
    {
        _api = api;
        Version = version;
        LibraryPath = libraryPath;
    }

    public string Version { get; }

    public string LibraryPath { get; }

    /// <summary>Finds <c>OrtGetApiBase</c> in a loaded library and asks it for API 30.</summary>
    public static OrtApi FromLibrary(nint library, string libraryPath)
    {
        if (!NativeLibrary.TryGetExport(library, "OrtGetApiBase", out var getApiBase))
        {
            throw new OnnxRuntimeException(OrtErrorCode.Fail,
                $"{libraryPath} is not an ONNX Runtime library: it does not export OrtGetApiBase");
        }
        var apiBase = ((delegate* unmanaged<nint*>)getApiBase)();
        var version = Marshal.PtrToStringUTF8(((delegate* unmanaged<nint>)apiBase[1])()) ?? "?";
        var api = ((delegate* unmanaged<uint, nint*>)apiBase[0])(ApiVersion);
        if (api == null)
        {
            throw new OnnxRuntimeException(OrtErrorCode.Fail,
                $"ONNX Runtime {version} at {libraryPath} does not provide C API version {ApiVersion}; "
                + "KannadaKit needs ONNX Runtime 1.30 or newer");
        }
        return new OrtApi(api, version, libraryPath);
    }

    // ---- status -------------------------------------------------------------------------------------------

    /// <summary>Turns a non-null <c>OrtStatus*</c> into the typed exception, releasing the status.</summary>
    public void Check(nint status, string? context = null)
    {
        if (status == 0)
        {
            return;
        }
        var code = (OrtErrorCode)((delegate* unmanaged<nint, int>)_api[1])(status);
        // ORT messages may span lines and carry a source-location prefix; one clean line reads better in errors.
        var message = Marshal.PtrToStringUTF8(((delegate* unmanaged<nint, nint>)_api[2])(status)) ?? "";
        var marker = message.IndexOf("[ONNXRuntimeError] : ", StringComparison.Ordinal);
        if (marker >= 0 && message.IndexOf(" : ", marker + 21, StringComparison.Ordinal) is var codeEnd and >= 0
            && message.IndexOf(" : ", codeEnd + 3, StringComparison.Ordinal) is var nameEnd and >= 0)
        {
            message = message[(nameEnd + 3)..];
        }
        message = string.Join(' ', message.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        ((delegate* unmanaged<nint, void>)_api[93])(status);
        throw new OnnxRuntimeException(code, context is null ? message : $"{context}: {message}");
    }

    // ---- environment, options, sessions ----------------------------------------------------------------

    public nint CreateEnv(int logLevel, string logId)
    {
        nint env;
        using var id = new Utf8String(logId);
        Check(((delegate* unmanaged<int, byte*, nint*, nint>)_api[3])(logLevel, id.Pointer, &env));
        return env;
    }

    public nint CreateSessionOptions()
    {
        nint options;
        Check(((delegate* unmanaged<nint*, nint>)_api[10])(&options));
        return options;
    }

    public void SetExecutionMode(SafeHandle options, int mode) =>
        Check(((delegate* unmanaged<nint, int, nint>)_api[13])(options.DangerousGetHandle(), mode));

    public void SetMemoryPattern(SafeHandle options, bool enabled) =>
        Check(((delegate* unmanaged<nint, nint>)_api[enabled ? 16 : 17])(options.DangerousGetHandle()));

    public void SetLogId(SafeHandle options, string logId)
    {
        using var id = new Utf8String(logId);
        Check(((delegate* unmanaged<nint, byte*, nint>)_api[20])(options.DangerousGetHandle(), id.Pointer));
    }

    public void SetLogSeverity(SafeHandle options, int level) =>
        Check(((delegate* unmanaged<nint, int, nint>)_api[22])(options.DangerousGetHandle(), level));

    public void SetGraphOptimizationLevel(SafeHandle options, int level) =>
        Check(((delegate* unmanaged<nint, int, nint>)_api[23])(options.DangerousGetHandle(), level));

    public void SetIntraOpThreads(SafeHandle options, int threads) =>
        Check(((delegate* unmanaged<nint, int, nint>)_api[24])(options.DangerousGetHandle(), threads));

    public void SetInterOpThreads(SafeHandle options, int threads) =>
        Check(((delegate* unmanaged<nint, int, nint>)_api[25])(options.DangerousGetHandle(), threads));

    public void AddSessionConfigEntry(SafeHandle options, string key, string value)
    {
        using var k = new Utf8String(key);
        using var v = new Utf8String(value);
        Check(((delegate* unmanaged<nint, byte*, byte*, nint>)_api[130])(options.DangerousGetHandle(), k.Pointer, v.Pointer),
            $"session config entry '{key}'");
    }

    public nint CreateSession(SafeHandle env, string path, SafeHandle options)
    {
        nint session;
        if (OperatingSystem.IsWindows())
        {
            // ORTCHAR_T is wchar_t (UTF-16) on Windows and char (UTF-8) elsewhere.
            fixed (char* p = path)
            {
                Check(((delegate* unmanaged<nint, char*, nint, nint*, nint>)_api[7])(
                    env.DangerousGetHandle(), p, options.DangerousGetHandle(), &session));
            }
        }
        else
        {
            using var p = new Utf8String(path);
            Check(((delegate* unmanaged<nint, byte*, nint, nint*, nint>)_api[7])(
                env.DangerousGetHandle(), p.Pointer, options.DangerousGetHandle(), &session));
        }
        return session;
    }

    public nint CreateSessionFromArray(SafeHandle env, ReadOnlySpan<byte> model, SafeHandle options)
    {
        nint session;
        fixed (byte* p = model)
        {
            Check(((delegate* unmanaged<nint, byte*, nuint, nint, nint*, nint>)_api[8])(
                env.DangerousGetHandle(), p, (nuint)model.Length, options.DangerousGetHandle(), &session));
        }
        return session;
    }

    public void Run(SafeHandle session, nint runOptions, nint* inputNames, nint* inputs, int inputCount,
        nint* outputNames, int outputCount, nint* outputs) =>
        Check(((delegate* unmanaged<nint, nint, nint*, nint*, nuint, nint*, nuint, nint*, nint>)_api[9])(
            session.DangerousGetHandle(), runOptions, inputNames, inputs, (nuint)inputCount,
            outputNames, (nuint)outputCount, outputs));

    public nint CreateRunOptions()
    {
        nint options;
        Check(((delegate* unmanaged<nint*, nint>)_api[39])(&options));
        return options;
    }

    public void RunOptionsSetTerminate(nint runOptions) =>
        Check(((delegate* unmanaged<nint, nint>)_api[46])(runOptions));

    // ---- session metadata -----------------------------------------------------------------------------

    public int SessionInputCount(SafeHandle session) => (int)GetCount(30, session);

    public int SessionOutputCount(SafeHandle session) => (int)GetCount(31, session);

    private nuint GetCount(int slot, SafeHandle session)
    {
        nuint count;
        Check(((delegate* unmanaged<nint, nuint*, nint>)_api[slot])(session.DangerousGetHandle(), &count));
        return count;
    }

    public string SessionInputName(SafeHandle session, int index) => GetName(36, session, index);

    public string SessionOutputName(SafeHandle session, int index) => GetName(37, session, index);

    private string GetName(int slot, SafeHandle session, int index)
    {
        var allocator = DefaultAllocator();
        nint name;
        Check(((delegate* unmanaged<nint, nuint, nint, nint*, nint>)_api[slot])(
            session.DangerousGetHandle(), (nuint)index, allocator, &name));
        return TakeString(allocator, name);
    }

    /// <summary>Type info of input (slot 33) or output (slot 34) <paramref name="index"/>; release with slot 98.</summary>
    public nint SessionTypeInfo(SafeHandle session, int index, bool output)
    {
        nint info;
        Check(((delegate* unmanaged<nint, nuint, nint*, nint>)_api[output ? 34 : 33])(
            session.DangerousGetHandle(), (nuint)index, &info));
        return info;
    }

    public int OnnxTypeOf(nint typeInfo)
    {
        int type;
        Check(((delegate* unmanaged<nint, int*, nint>)_api[56])(typeInfo, &type));
        return type;
    }

    /// <summary>The tensor view of a type info (not owned; null for non-tensors).</summary>
    public nint CastToTensorInfo(nint typeInfo)
    {
        nint info;
        Check(((delegate* unmanaged<nint, nint*, nint>)_api[55])(typeInfo, &info));
        return info;
    }

    public void ReleaseTypeInfo(nint typeInfo) => ((delegate* unmanaged<nint, void>)_api[98])(typeInfo);

    public TensorElementType ElementTypeOf(nint tensorInfo)
    {
        int type;
        Check(((delegate* unmanaged<nint, int*, nint>)_api[60])(tensorInfo, &type));
        return (TensorElementType)type;
    }

    public long[] DimensionsOf(nint tensorInfo)
    {
        nuint rank;
        Check(((delegate* unmanaged<nint, nuint*, nint>)_api[61])(tensorInfo, &rank));
        var dims = new long[(int)rank];
        fixed (long* p = dims)
        {
            Check(((delegate* unmanaged<nint, long*, nuint, nint>)_api[62])(tensorInfo, p, rank));
        }
        return dims;
    }

    public string[] SymbolicDimensionsOf(nint tensorInfo, int rank)
    {
        var names = new nint[rank];
        fixed (nint* p = names)
        {
            Check(((delegate* unmanaged<nint, nint*, nuint, nint>)_api[63])(tensorInfo, p, (nuint)rank));
        }
        return Array.ConvertAll(names, n => n == 0 ? "" : Marshal.PtrToStringUTF8(n) ?? "");
    }

    // ---- model metadata -------------------------------------------------------------------------------

    public nint SessionModelMetadata(SafeHandle session)
    {
        nint metadata;
        Check(((delegate* unmanaged<nint, nint*, nint>)_api[111])(session.DangerousGetHandle(), &metadata));
        return metadata;
    }

    /// <summary>Producer (112), graph name (113), domain (114), description (115), graph description (158).</summary>
    public string MetadataString(SafeHandle metadata, int slot)
    {
        var allocator = DefaultAllocator();
        nint value;
        Check(((delegate* unmanaged<nint, nint, nint*, nint>)_api[slot])(metadata.DangerousGetHandle(), allocator, &value));
        return TakeString(allocator, value);
    }

    public long MetadataVersion(SafeHandle metadata)
    {
        long version;
        Check(((delegate* unmanaged<nint, long*, nint>)_api[117])(metadata.DangerousGetHandle(), &version));
        return version;
    }

    public string? MetadataLookup(SafeHandle metadata, string key)
    {
        var allocator = DefaultAllocator();
        using var k = new Utf8String(key);
        nint value;
        Check(((delegate* unmanaged<nint, nint, byte*, nint*, nint>)_api[116])(
            metadata.DangerousGetHandle(), allocator, k.Pointer, &value));
        return value == 0 ? null : TakeString(allocator, value);
    }

    public string[] MetadataKeys(SafeHandle metadata)
    {
        var allocator = DefaultAllocator();
        nint keys;
        long count;
        Check(((delegate* unmanaged<nint, nint, nint*, long*, nint>)_api[123])(
            metadata.DangerousGetHandle(), allocator, &keys, &count));
        if (keys == 0)
        {
            return [];
        }
        var result = new string[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = TakeString(allocator, ((nint*)keys)[i]);
        }
        AllocatorFree(allocator, keys);
        return result;
    }

    // ---- values -----------------------------------------------------------------------------------------

    public nint CreateCpuMemoryInfo()
    {
        nint info;
        // OrtArenaAllocator = 1, OrtMemTypeDefault = 0.
        Check(((delegate* unmanaged<int, int, nint*, nint>)_api[69])(1, 0, &info));
        return info;
    }

    /// <summary>A tensor over caller memory: ORT does not copy, so the memory must stay pinned until release.</summary>
    public nint CreateTensorWithData(SafeHandle memoryInfo, void* data, long bytes, ReadOnlySpan<long> shape, TensorElementType type)
    {
        nint value;
        fixed (long* s = shape)
        {
            Check(((delegate* unmanaged<nint, void*, nuint, long*, nuint, int, nint*, nint>)_api[49])(
                memoryInfo.DangerousGetHandle(), data, (nuint)bytes, s, (nuint)shape.Length, (int)type, &value));
        }
        return value;
    }

    /// <summary>A tensor whose memory ORT allocates with its default CPU allocator.</summary>
    public nint CreateTensor(ReadOnlySpan<long> shape, TensorElementType type)
    {
        nint value;
        fixed (long* s = shape)
        {
            Check(((delegate* unmanaged<nint, long*, nuint, int, nint*, nint>)_api[48])(
                DefaultAllocator(), s, (nuint)shape.Length, (int)type, &value));
        }
        return value;
    }

    public bool IsTensor(SafeHandle value)
    {
        int result;
        Check(((delegate* unmanaged<nint, int*, nint>)_api[50])(value.DangerousGetHandle(), &result));
        return result != 0;
    }

    public void* TensorData(SafeHandle value)
    {
        void* data;
        Check(((delegate* unmanaged<nint, void**, nint>)_api[51])(value.DangerousGetHandle(), &data));
        return data;
    }

    /// <summary>Type and shape info of a value; release with <see cref="ReleaseTensorInfo"/>.</summary>
    public nint TensorTypeAndShape(SafeHandle value)
    {
        nint info;
        Check(((delegate* unmanaged<nint, nint*, nint>)_api[65])(value.DangerousGetHandle(), &info));
        return info;
    }

    public void ReleaseTensorInfo(nint info) => ((delegate* unmanaged<nint, void>)_api[99])(info);

    // ---- IO binding -------------------------------------------------------------------------------------

    public nint CreateIoBinding(SafeHandle session)
    {
        nint binding;
        Check(((delegate* unmanaged<nint, nint*, nint>)_api[134])(session.DangerousGetHandle(), &binding));
        return binding;
    }

    public void BindInput(SafeHandle binding, string name, SafeHandle value)
    {
        using var n = new Utf8String(name);
        Check(((delegate* unmanaged<nint, byte*, nint, nint>)_api[136])(binding.DangerousGetHandle(), n.Pointer, value.DangerousGetHandle()),
            $"binding input '{name}'");
    }

    public void BindOutput(SafeHandle binding, string name, SafeHandle value)
    {
        using var n = new Utf8String(name);
        Check(((delegate* unmanaged<nint, byte*, nint, nint>)_api[137])(binding.DangerousGetHandle(), n.Pointer, value.DangerousGetHandle()),
            $"binding output '{name}'");
    }

    public void BindOutputToDevice(SafeHandle binding, string name, SafeHandle memoryInfo)
    {
        using var n = new Utf8String(name);
        Check(((delegate* unmanaged<nint, byte*, nint, nint>)_api[138])(binding.DangerousGetHandle(), n.Pointer, memoryInfo.DangerousGetHandle()),
            $"binding output '{name}'");
    }

    public void RunWithBinding(SafeHandle session, nint runOptions, SafeHandle binding) =>
        Check(((delegate* unmanaged<nint, nint, nint, nint>)_api[133])(session.DangerousGetHandle(), runOptions, binding.DangerousGetHandle()));

    /// <summary>The bound outputs after a run, in binding order; the caller owns each value.</summary>
    public nint[] BoundOutputValues(SafeHandle binding)
    {
        var allocator = DefaultAllocator();
        nint values;
        nuint count;
        Check(((delegate* unmanaged<nint, nint, nint*, nuint*, nint>)_api[140])(binding.DangerousGetHandle(), allocator, &values, &count));
        var result = new nint[(int)count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = ((nint*)values)[i];
        }
        if (values != 0)
        {
            AllocatorFree(allocator, values);
        }
        return result;
    }

    public void ClearBoundInputs(SafeHandle binding) => ((delegate* unmanaged<nint, void>)_api[141])(binding.DangerousGetHandle());

    public void ClearBoundOutputs(SafeHandle binding) => ((delegate* unmanaged<nint, void>)_api[142])(binding.DangerousGetHandle());

    // ---- providers --------------------------------------------------------------------------------------

    public string[] AvailableProviders()
    {
        nint list;
        int count;
        Check(((delegate* unmanaged<nint*, int*, nint>)_api[125])(&list, &count));
        var result = new string[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = Marshal.PtrToStringUTF8(((nint*)list)[i]) ?? "";
        }
        Check(((delegate* unmanaged<nint, int, nint>)_api[126])(list, count));
        return result;
    }

    public string BuildInfo() => Marshal.PtrToStringUTF8(((delegate* unmanaged<nint>)_api[254])()) ?? "";

    /// <summary>Appends the CUDA provider through the V2 options (205 create, 206 update, 204 append, 208 release);
    /// the generic by-name append (216) rejects "CUDA".</summary>
    public void AppendCuda(SafeHandle options, IReadOnlyList<KeyValuePair<string, string>> settings)
    {
        nint cuda;
        Check(((delegate* unmanaged<nint*, nint>)_api[205])(&cuda), "creating CUDA provider options");
        try
        {
            var keys = settings.Select(s => new Utf8String(s.Key)).ToArray();
            var values = settings.Select(s => new Utf8String(s.Value)).ToArray();
            try
            {
                var k = stackalloc nint[keys.Length];
                var v = stackalloc nint[values.Length];
                for (var i = 0; i < keys.Length; i++)
                {
                    k[i] = (nint)keys[i].Pointer;
                    v[i] = (nint)values[i].Pointer;
                }
                Check(((delegate* unmanaged<nint, nint*, nint*, nuint, nint>)_api[206])(cuda, k, v, (nuint)keys.Length),
                    "setting CUDA provider options");
            }
            finally
            {
                foreach (var s in keys.Concat(values))
                {
                    s.Dispose();
                }
            }
            Check(((delegate* unmanaged<nint, nint, nint>)_api[204])(options.DangerousGetHandle(), cuda),
                "appending the CUDA execution provider");
        }
        finally
        {
            ((delegate* unmanaged<nint, void>)_api[208])(cuda);
        }
    }

    // ---- release ----------------------------------------------------------------------------------------

    /// <summary>Calls one of the <c>Release*</c> slots (all <c>void(T*)</c>).</summary>
    public void Release(int slot, nint handle) => ((delegate* unmanaged<nint, void>)_api[slot])(handle);

    // ---- allocator ----------------------------------------------------------------------------------------

    /// <summary>ORT's default CPU allocator; owned by ORT and never released.</summary>
    public nint DefaultAllocator()
    {
        nint allocator;
        Check(((delegate* unmanaged<nint*, nint>)_api[78])(&allocator));
        return allocator;
    }

    public void AllocatorFree(nint allocator, nint pointer) =>
        Check(((delegate* unmanaged<nint, nint, nint>)_api[76])(allocator, pointer));

    private string TakeString(nint allocator, nint pointer)
    {
        if (pointer == 0)
        {
            return "";
        }
        var s = Marshal.PtrToStringUTF8(pointer) ?? "";
        AllocatorFree(allocator, pointer);
        return s;
    }
}
