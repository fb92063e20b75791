using Snn.Bench.Studies;

namespace Snn.Bench.Tests.Studies;

/// <summary>A fact that is skipped (with the reason shown) when Fashion-MNIST is not installed (Debian's dataset-fashion-mnist or the cache).</summary>
public sealed class FashionMnistFactAttribute : FactAttribute
{
    public FashionMnistFactAttribute()
    {
        if (CrossbarDataSets.FashionMnistMissing(null) is { } missing)
        {
            Skip = missing;
        }
    }
}
