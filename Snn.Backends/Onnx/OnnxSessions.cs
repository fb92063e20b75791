using Microsoft.ML.OnnxRuntime;

namespace Snn.Backends.Onnx;

/// <summary>Opens ONNX Runtime sessions for exported models with a chosen execution provider and thread count.</summary>
public static class OnnxSessions
{
    /// <summary>Creates an inference session over <paramref name="model"/>.</summary>
    /// <param name="model">The encoded model.</param>
    /// <param name="provider">The execution provider.</param>
    /// <param name="intraOpThreads">Threads ONNX Runtime may use inside one operator, ≥ 1.</param>
    public static InferenceSession Open(ReadOnlyMemory<byte> model, OnnxExecutionProvider provider = OnnxExecutionProvider.Cpu, int intraOpThreads = 1)
    {
        if (intraOpThreads < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(intraOpThreads), intraOpThreads, $"intraOpThreads = {intraOpThreads} must be at least 1.");
        }
        using var options = new SessionOptions { IntraOpNumThreads = intraOpThreads, InterOpNumThreads = 1, LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };
        if (provider == OnnxExecutionProvider.Cuda)
        {
            try
            {
                options.AppendExecutionProvider_CUDA();
            }
            catch (Exception error) when (error is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
            {
                throw new NotSupportedException(
                    $"ONNX Runtime's CUDA execution provider is not available here ({error.Message.Trim()}); reference Microsoft.ML.OnnxRuntime.Gpu on a machine with a CUDA device, or use OnnxExecutionProvider.Cpu.", error);
            }
        }
        else if (provider != OnnxExecutionProvider.Cpu)
        {
            throw new ArgumentOutOfRangeException(nameof(provider), provider, $"provider = {provider} is not an execution provider (Cpu or Cuda).");
        }
        return new InferenceSession(model.ToArray(), options);
    }
}
