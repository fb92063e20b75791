using System.Runtime.CompilerServices;
using Microsoft.ML.OnnxRuntime;

namespace Snn.Tests.Shared;

/// <summary>
/// Sets ONNX Runtime's process-wide log level to errors before any test runs. Exported models list their
/// state initialisers as graph inputs on purpose (so a caller may override them), and ONNX Runtime warns
/// about each one on stderr whenever a session loads such a model. The test platform keeps only the first
/// 8 KiB of a crashed test host's stderr, so those warnings used to fill it and hide the crash's own message.
/// </summary>
internal static class OnnxRuntimeLogging
{
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "Test assemblies: the level must be set before the first session of any test.")]
    internal static void ErrorsOnly() => OrtEnv.Instance().EnvLogLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR;
}
