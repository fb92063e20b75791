using Snn.Datasets.Formats;

namespace Snn.Distribution.Tests.Examples;

/// <summary>A fact about an example that is skipped, saying why, when what the example needs
/// (<see cref="Mpirun"/> on the PATH, or Fashion-MNIST) is missing on this machine.</summary>
public sealed class ExampleFactAttribute : FactAttribute
{
    /// <summary>Needs <c>mpirun</c>.</summary>
    public const string Mpirun = "mpirun";

    /// <summary>Needs the Fashion-MNIST files.</summary>
    public const string FashionMnist = "fashion-mnist";

    public ExampleFactAttribute(string needs)
    {
        Skip = needs switch
        {
            Mpirun when ExampleRunner.FindMpirun() is null => "mpirun is not on the PATH; install Open MPI (apt-get install openmpi-bin libopenmpi-dev) to run the MPI example.",
            FashionMnist when !File.Exists(Path.Combine(IdxDataset.FashionMnistSystemDirectory, "t10k-labels-idx1-ubyte.gz")) =>
                $"Fashion-MNIST is not installed in {IdxDataset.FashionMnistSystemDirectory} (apt-get install dataset-fashion-mnist); the LSM example needs it.",
            Mpirun or FashionMnist => null,
            _ => throw new ArgumentOutOfRangeException(nameof(needs), needs, $"needs = '{needs}' must be '{Mpirun}' or '{FashionMnist}'."),
        };
    }
}
