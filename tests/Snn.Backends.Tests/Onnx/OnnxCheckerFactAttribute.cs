namespace Snn.Backends.Tests.Onnx;

/// <summary>A fact that is skipped, saying why, when Debian's Python has no <c>onnx</c> package (its checker).</summary>
public sealed class OnnxCheckerFactAttribute : FactAttribute
{
    public OnnxCheckerFactAttribute()
    {
        if (!OnnxChecker.IsAvailable())
        {
            Skip = "python3 with the onnx package is missing; install it (apt-get install python3-onnx) to run the ONNX reference checker.";
        }
    }
}
