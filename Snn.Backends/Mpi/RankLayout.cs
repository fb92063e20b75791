namespace Snn.Backends.Mpi;

/// <summary>
/// Which rank owns which neuron: the global neuron range is cut into stripes of
/// <see cref="StripeSize"/> consecutive neurons dealt round-robin to the ranks (stripe s to rank
/// s mod size). Like NEST's round-robin assignment this gives every rank a share of every
/// population, so the load stays balanced when populations differ in rate or in-degree; stripes
/// rather than single neurons keep the vectorised block updates long.
/// </summary>
internal sealed class RankLayout
{
    public RankLayout(int neurons, int ranks, int stripeSize)
    {
        Neurons = neurons;
        Ranks = ranks;
        StripeSize = stripeSize;
    }

    public int Neurons { get; }

    public int Ranks { get; }

    public int StripeSize { get; }

    public int OwnerOf(int neuron) => (int)((long)neuron / StripeSize % Ranks);

    /// <summary>The owned ranges [start, end) of <paramref name="rank"/>, ascending.</summary>
    public List<(int Start, int End)> RangesOf(int rank)
    {
        var ranges = new List<(int, int)>();
        for (long start = (long)rank * StripeSize; start < Neurons; start += (long)Ranks * StripeSize)
        {
            ranges.Add(((int)start, (int)Math.Min(Neurons, start + StripeSize)));
        }
        return ranges;
    }

    /// <summary>The default stripe: 256 neurons (each population update call then covers enough
    /// neurons to hide its fixed cost; 64 cost CUBA 35 % more time per step), fewer when the network
    /// is too small to give every rank four stripes.</summary>
    public static int DefaultStripe(int neurons, int ranks) => Math.Clamp(neurons / (4 * ranks), 1, 256);
}
