using System.Runtime.InteropServices;

namespace KannadaKit.Onnx;

/// <summary>
/// Finds the ONNX Runtime native library in a fixed order: the explicit option, then the
/// <c>KANNADAKIT_ONNXRUNTIME</c> variable, then next to the application (flat, and the <c>runtimes/&lt;rid&gt;/native</c>
/// layout of the official Microsoft.ML.OnnxRuntime(.Gpu) packages), then the cache that
/// <c>tools/setup-onnxruntime.sh</c> fills, then the system's library search path.
/// </summary>
public static class NativeLibraryLocator
{
    /// <summary>The ORT version the setup script caches.</summary>
    public const string CachedVersion = "1.30.0";

    /// <summary>Loads the library, returning its handle and the path it came from.</summary>
    /// <exception cref="OnnxRuntimeException">With <see cref="OrtErrorCode.NoSuchFile"/> and every place looked in.</exception>
    public static (nint Handle, string Path) Load(string? explicitPath) =>
        Load(explicitPath, Environment.GetEnvironmentVariable(OnnxRuntimeOptions.LibraryVariable),
            AppContext.BaseDirectory, DefaultCacheDirectory(), TrySystemLoad);

    /// <summary>The search itself, with its inputs explicit (tests pass their own).</summary>
    internal static (nint Handle, string Path) Load(string? explicitPath, string? environmentPath, string appDirectory, string? cacheDirectory,
        Func<string, nint> systemLoad)
    {
        var looked = new List<string>();
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return LoadExact(explicitPath, "the library path given");
        }
        if (!string.IsNullOrEmpty(environmentPath))
        {
            return LoadExact(environmentPath, $"{OnnxRuntimeOptions.LibraryVariable}");
        }
        var names = FileNames();
        var folders = new List<string> { appDirectory, Path.Combine(appDirectory, "runtimes", RuntimeId(), "native") };
        if (cacheDirectory is not null)
        {
            folders.Add(cacheDirectory);
        }
        foreach (var folder in folders)
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(folder, name);
                looked.Add(candidate);
                if (File.Exists(candidate))
                {
                    return LoadExact(candidate, "the library found at");
                }
            }
        }
        foreach (var name in names)
        {
            looked.Add($"{name} on the system library path");
            if (systemLoad(name) is var handle and not 0)
            {
                return (handle, name);
            }
        }
        throw new OnnxRuntimeException(OrtErrorCode.NoSuchFile,
            "ONNX Runtime native library not found; looked in: " + string.Join("; ", looked)
            + $". Run tools/setup-onnxruntime.sh, or set {OnnxRuntimeOptions.LibraryVariable} to your libonnxruntime");
    }

    private static nint TrySystemLoad(string name) => NativeLibrary.TryLoad(name, out var handle) ? handle : 0;

    private static (nint, string) LoadExact(string path, string source)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new OnnxRuntimeException(OrtErrorCode.NoSuchFile, $"ONNX Runtime native library not found: {full} ({source})");
        }
        try
        {
            return (NativeLibrary.Load(full), full);
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
        {
            throw new OnnxRuntimeException(OrtErrorCode.Fail,
                $"could not load the ONNX Runtime library {full} ({source}): {FirstLine(e.Message)}", e);
        }
    }

    /// <summary>The cache folder of <c>tools/setup-onnxruntime.sh</c>.</summary>
    public static string? DefaultCacheDirectory()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var root = !string.IsNullOrEmpty(xdg) ? xdg : string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache");
        return root is null ? null : Path.Combine(root, "kannadakit", "onnxruntime", CachedVersion);
    }

    private static string[] FileNames() =>
        OperatingSystem.IsWindows() ? ["onnxruntime.dll"]
        : OperatingSystem.IsMacOS() ? ["libonnxruntime.dylib", $"libonnxruntime.{CachedVersion}.dylib"]
        : ["libonnxruntime.so.1", "libonnxruntime.so"];

    private static string RuntimeId()
    {
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        var arch = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.Arm64 => "arm64",
            Architecture.X86 => "x86",
            _ => "x64",
        };
        return $"{os}-{arch}";
    }

    private static string FirstLine(string s)
    {
        var i = s.IndexOf('\n', StringComparison.Ordinal);
        return i < 0 ? s : s[..i];
    }
}
