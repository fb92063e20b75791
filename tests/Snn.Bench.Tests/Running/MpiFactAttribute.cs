namespace Snn.Bench.Tests.Running;

/// <summary>A fact that is skipped, saying why, when <c>mpirun</c> is not on the PATH.</summary>
public sealed class MpiFactAttribute : FactAttribute
{
    public MpiFactAttribute()
    {
        if (Mpirun.Find() is null)
        {
            Skip = "mpirun is not on the PATH; install Open MPI (apt-get install openmpi-bin libopenmpi-dev) to run the snn-bench MPI test.";
        }
    }
}
