namespace Snn.Backends.Tests.Gpu;

/// <summary>A fact that is skipped, saying why, when no clang (OpenCL C front end) is on the PATH.</summary>
public sealed class ClangFactAttribute : FactAttribute
{
    public ClangFactAttribute()
    {
        if (OpenClCompiler.Find() is null)
        {
            Skip = "clang is not on the PATH; install it (apt-get install clang-14) to compile the generated OpenCL C.";
        }
    }
}
