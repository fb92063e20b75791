using Snn.Backends.Mpi;

namespace Snn.Backends.Tests.Mpi;

/// <summary>Loading the MPI library: a missing library and a library that is not Open MPI are
/// reported with what was tried and how to fix it (no mpirun needed). The tests point
/// SNN_MPI_LIBRARY elsewhere for their duration; they run one after the other.</summary>
public class MpiLibraryLoadingTests
{
    private static T WithLibrary<T>(string path, Func<T> action)
    {
        string? previous = Environment.GetEnvironmentVariable("SNN_MPI_LIBRARY");
        Environment.SetEnvironmentVariable("SNN_MPI_LIBRARY", path);
        try
        {
            return action();
        }
        finally
        {
            Environment.SetEnvironmentVariable("SNN_MPI_LIBRARY", previous);
        }
    }

    [Fact]
    public void MissingLibraryNamesWhatWasTriedAndHowToInstallOpenMpi()
    {
        var error = WithLibrary("/nonexistent/libmpi.so.40", () => Assert.Throws<MpiUnavailableException>(() => MpiSession.Initialize()));
        Assert.Contains("/nonexistent/libmpi.so.40", error.Message);
        Assert.Contains("apt-get install openmpi-bin libopenmpi-dev", error.Message);
        Assert.Contains("SNN_MPI_LIBRARY", error.Message);
    }

    [Fact]
    public void LibraryWithoutOpenMpiSymbolsIsRefusedAsNotOpenMpi()
    {
        var error = WithLibrary("libm.so.6", () => Assert.Throws<MpiUnavailableException>(() => MpiSession.Initialize()));
        Assert.Contains("ompi_mpi_comm_world", error.Message);
        Assert.Contains("not Open MPI", error.Message);
    }
}
