namespace Snn.Backends.Onnx;

/// <summary>Where ONNX Runtime executes a model.</summary>
public enum OnnxExecutionProvider
{
    /// <summary>ONNX Runtime's CPU kernels (always available).</summary>
    Cpu,

    /// <summary>NVIDIA GPUs through ONNX Runtime's CUDA provider; needs an ONNX Runtime build with
    /// CUDA (the <c>Microsoft.ML.OnnxRuntime.Gpu</c> package) and a CUDA device, otherwise creating
    /// the session throws <see cref="NotSupportedException"/>.</summary>
    Cuda,
}
