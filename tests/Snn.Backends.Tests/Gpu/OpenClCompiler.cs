using System.Diagnostics;

namespace Snn.Backends.Tests.Gpu;

/// <summary>Clang's OpenCL C front end (Debian: <c>apt-get install clang-14</c>), which parses and
/// type-checks kernel sources without an OpenCL device.</summary>
internal static class OpenClCompiler
{
    private static readonly string[] Names = ["clang", "clang-19", "clang-16", "clang-15", "clang-14", "clang-13"];

    /// <summary>The first clang on the PATH, or null.</summary>
    public static string? Find()
        => Names.SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(directory => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists);

    /// <summary>Compiles <paramref name="source"/> as OpenCL C 2.0 (syntax and semantics, no code generation); returns the exit code and the diagnostics.</summary>
    public static (int ExitCode, string Diagnostics) Check(string source)
    {
        string path = Path.Combine(Path.GetTempPath(), $"snn-kernel-{Guid.NewGuid():N}.cl");
        File.WriteAllText(path, source);
        try
        {
            var start = new ProcessStartInfo(Find() ?? throw new InvalidOperationException("clang is not on the PATH."))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in new[] { "-cl-std=CL2.0", "-fsyntax-only", "-Xclang", "-finclude-default-header", path })
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start) ?? throw new InvalidOperationException("clang did not start.");
            var output = process.StandardOutput.ReadToEndAsync();
            string errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, errors + output.Result);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
