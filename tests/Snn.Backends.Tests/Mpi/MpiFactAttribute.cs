namespace Snn.Backends.Tests.Mpi;

/// <summary>A fact that is skipped, saying why, when <c>mpirun</c> is not on the PATH.</summary>
public sealed class MpiFactAttribute : FactAttribute
{
    /// <summary>Why the MPI tests are skipped here, or null when <c>mpirun</c> is on the PATH.</summary>
    public static string? SkipReason => MpiLauncher.FindMpirun() is null
        ? "mpirun is not on the PATH; install Open MPI (apt-get install openmpi-bin libopenmpi-dev) to run the MPI tests."
        : null;

    public MpiFactAttribute()
    {
        Skip = SkipReason;
    }
}
