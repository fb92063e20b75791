using System.Diagnostics;

namespace Snn.Backends.Tests.Onnx;

/// <summary>
/// The reference implementation's model checker (<c>onnx.checker.check_model</c> with
/// <c>full_check</c>, which adds strict shape inference), run by Debian's Python on a saved model.
/// </summary>
internal static class OnnxChecker
{
    private const string Python = "/usr/bin/python3";

    public static bool IsAvailable() => File.Exists(Python) && Run("import onnx").ExitCode == 0;

    /// <summary>Checks the model at <paramref name="path"/>; returns the checker's message ("" when valid).</summary>
    public static string Check(string path)
    {
        var (exitCode, output) = Run("import sys, onnx; onnx.checker.check_model(onnx.load(sys.argv[1]), full_check=True)", path);
        return exitCode == 0 ? "" : output;
    }

    private static (int ExitCode, string Output) Run(string code, params string[] arguments)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(code);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
