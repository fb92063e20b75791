using Snn.Datasets.Formats;

namespace Snn.Datasets.Tests.Support;

/// <summary>A fact that is skipped (with the reason shown) when Debian's Fashion-MNIST is not installed.</summary>
public sealed class FashionMnistFactAttribute : FactAttribute
{
    public FashionMnistFactAttribute()
    {
        if (IdxDataset.FindFiles(IdxDataset.FashionMnistSystemDirectory, DataSplit.Test) is null)
        {
            Skip = $"Fashion-MNIST is not installed in {IdxDataset.FashionMnistSystemDirectory} (apt-get install dataset-fashion-mnist).";
        }
    }
}
