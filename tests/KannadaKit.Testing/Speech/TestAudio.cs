using System.Buffers.Binary;
using System.Diagnostics;

namespace KannadaKit.Testing.Speech;

/// <summary>Test audio: WAV files of any sample format written byte by byte, tones and sweeps, and programs that make media.</summary>
public static class TestAudio
{
    /// <summary>Sample encodings a WAV file can carry.</summary>
    public enum Encoding
    {
        /// <summary>Unsigned 8-bit.</summary>
        Pcm8,

        /// <summary>Signed 16-bit.</summary>
        Pcm16,

        /// <summary>Signed 24-bit.</summary>
        Pcm24,

        /// <summary>Signed 32-bit.</summary>
        Pcm32,

        /// <summary>IEEE float 32-bit.</summary>
        Ieee32,

        /// <summary>IEEE float 64-bit.</summary>
        Ieee64,
    }

    /// <summary>A sine tone.</summary>
    public static float[] Tone(double hz, double seconds, int rate, double amplitude = 0.5)
    {
        var a = new float[(int)(seconds * rate)];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = (float)(amplitude * Math.Sin(2 * Math.PI * hz * i / rate));
        }

        return a;
    }

    /// <summary>A linear sine sweep from <paramref name="fromHz"/> to <paramref name="toHz"/>.</summary>
    public static float[] Sweep(double fromHz, double toHz, double seconds, int rate, double amplitude = 0.5)
    {
        var a = new float[(int)(seconds * rate)];
        double phase = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double f = fromHz + ((toHz - fromHz) * i / a.Length);
            phase += 2 * Math.PI * f / rate;
            a[i] = (float)(amplitude * Math.Sin(phase));
        }

        return a;
    }

    /// <summary>Writes a WAV file whose every channel carries <paramref name="mono"/>, so a correct downmix gives it back.</summary>
    public static string WriteWav(string path, float[] mono, int rate, Encoding encoding, int channels = 1, bool extensible = false)
    {
        int bits = encoding switch { Encoding.Pcm8 => 8, Encoding.Pcm16 => 16, Encoding.Pcm24 => 24, Encoding.Pcm32 or Encoding.Ieee32 => 32, _ => 64 };
        bool isFloat = encoding is Encoding.Ieee32 or Encoding.Ieee64;
        int blockAlign = channels * bits / 8;
        using var f = File.Create(path);
        using var w = new BinaryWriter(f);
        int fmtSize = extensible ? 40 : isFloat ? 18 : 16;
        long dataBytes = (long)mono.Length * blockAlign;
        w.Write("RIFF"u8);
        w.Write((uint)(4 + 8 + fmtSize + 8 + dataBytes));
        w.Write("WAVE"u8);
        w.Write("fmt "u8);
        w.Write(fmtSize);
        w.Write((ushort)(extensible ? 0xFFFE : isFloat ? 3 : 1));
        w.Write((ushort)channels);
        w.Write(rate);
        w.Write(rate * blockAlign);
        w.Write((ushort)blockAlign);
        w.Write((ushort)bits);
        if (extensible)
        {
            w.Write((ushort)22);
            w.Write((ushort)bits);
            w.Write(channels == 6 ? 0x3Fu : (1u << channels) - 1);
            var guid = new Guid(isFloat ? "00000003-0000-0010-8000-00aa00389b71" : "00000001-0000-0010-8000-00aa00389b71");
            w.Write(guid.ToByteArray());
        }
        else if (isFloat)
        {
            w.Write((ushort)0);
        }

        w.Write("data"u8);
        w.Write((uint)dataBytes);
        Span<byte> b = stackalloc byte[8];
        foreach (float s in mono)
        {
            for (int c = 0; c < channels; c++)
            {
                switch (encoding)
                {
                    case Encoding.Pcm8:
                        w.Write((byte)Math.Clamp(Math.Round((s * 127.0) + 128), 0, 255));
                        break;
                    case Encoding.Pcm16:
                        w.Write((short)Math.Clamp(Math.Round(s * 32767.0), short.MinValue, short.MaxValue));
                        break;
                    case Encoding.Pcm24:
                        int v = (int)Math.Clamp(Math.Round(s * 8388607.0), -8388608, 8388607);
                        w.Write((byte)v);
                        w.Write((byte)(v >> 8));
                        w.Write((byte)(v >> 16));
                        break;
                    case Encoding.Pcm32:
                        w.Write((int)Math.Clamp(Math.Round(s * 2147483647.0), int.MinValue, int.MaxValue));
                        break;
                    case Encoding.Ieee32:
                        w.Write(s);
                        break;
                    default:
                        BinaryPrimitives.WriteDoubleLittleEndian(b, s);
                        w.Write(b);
                        break;
                }
            }
        }

        return path;
    }

    /// <summary>Runs a program to completion; null when it is not installed, else its exit code (stderr kept in <paramref name="error"/>).</summary>
    public static int? Run(string program, out string error, params string[] args)
    {
        error = "";
        var psi = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        try
        {
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            error = p.StandardError.ReadToEnd();
            p.WaitForExit();
            _ = stdout.Result;
            return p.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>True when the program runs (for skip reasons).</summary>
    public static bool Has(string program) => Run(program, out _, "-version") is not null || Run(program, out _, "--version") is not null;
}
