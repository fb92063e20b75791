using Snn.Core.Monitors;

namespace Snn.Bench.GpuCheck;

/// <summary>
/// How far two runs of the same network (the GPU and the CPU engine, same seed) agree: whether
/// every spike is the same (same neuron, same step), the first step at which the sets of spiking
/// neurons differ, and the relative difference of the spike counts, overall and per population.
/// </summary>
/// <param name="Identical">Whether both runs have exactly the same spikes.</param>
/// <param name="FirstDivergentStep">The first step whose spiking neurons differ; null when identical.</param>
/// <param name="FirstDivergentMs">That step's time (ms); null when identical.</param>
/// <param name="ReferenceSpikes">Spikes of the reference run (the CPU engine).</param>
/// <param name="OtherSpikes">Spikes of the other run (the GPU engine).</param>
/// <param name="PopulationRateDifferences">Per population: name, reference rate (Hz), other rate (Hz), relative difference (other − reference) / reference.</param>
public sealed record SpikeAgreement(bool Identical, long? FirstDivergentStep, double? FirstDivergentMs, long ReferenceSpikes, long OtherSpikes,
    IReadOnlyList<(string Population, double ReferenceHz, double OtherHz, double RelativeDifference)> PopulationRateDifferences)
{
    private const int NeuronBits = 28;

    private const long MaxNeurons = 1L << NeuronBits;

    /// <summary>(other − reference) / reference spike count; 0 when both are silent, infinite when only the reference is.</summary>
    public double RateRelativeDifference => ReferenceSpikes == 0
        ? (OtherSpikes == 0 ? 0 : double.PositiveInfinity)
        : (OtherSpikes - ReferenceSpikes) / (double)ReferenceSpikes;

    /// <summary>The largest per-population |relative rate difference| (0 with no population).</summary>
    public double WorstPopulationDifference => PopulationRateDifferences.Count == 0 ? 0 : PopulationRateDifferences.Max(p => Math.Abs(p.RelativeDifference));

    /// <summary>Compares the spikes of the same monitors in two runs.</summary>
    /// <param name="names">The populations' names, one per record.</param>
    /// <param name="reference">The reference run's records (the CPU engine).</param>
    /// <param name="other">The other run's records, in the same order.</param>
    /// <exception cref="ArgumentException">The lists differ in length, or two records of one population differ in size or time step.</exception>
    public static SpikeAgreement Compare(IReadOnlyList<string> names, IReadOnlyList<SpikeRecord> reference, IReadOnlyList<SpikeRecord> other)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(other);
        if (reference.Count != other.Count || names.Count != reference.Count)
        {
            throw new ArgumentException($"names ({names.Count}), reference ({reference.Count}) and other ({other.Count}) must list the same populations.", nameof(other));
        }
        long offset = 0;
        var referenceKeys = new List<long>();
        var otherKeys = new List<long>();
        var populations = new List<(string, double, double, double)>();
        for (int p = 0; p < reference.Count; p++)
        {
            var a = reference[p];
            var b = other[p];
            if (a.PopulationSize != b.PopulationSize || a.Dt != b.Dt)
            {
                throw new ArgumentException($"population '{names[p]}': sizes {a.PopulationSize} / {b.PopulationSize} or time steps {a.Dt} / {b.Dt} ms differ.", nameof(other));
            }
            AddKeys(a, offset, referenceKeys);
            AddKeys(b, offset, otherKeys);
            offset += a.PopulationSize;
            if (offset > MaxNeurons)
            {
                throw new ArgumentException($"the populations hold {offset} neurons; at most {MaxNeurons} can be compared.", nameof(reference));
            }
            double ra = a.MeanRate();
            double rb = b.MeanRate();
            populations.Add((names[p], ra, rb, ra == 0 ? (rb == 0 ? 0 : double.PositiveInfinity) : (rb - ra) / ra));
        }
        referenceKeys.Sort();
        otherKeys.Sort();
        long? first = FirstDifference(referenceKeys, otherKeys) is long key ? key >> NeuronBits : null;
        double dt = reference.Count == 0 ? 0 : reference[0].Dt;
        return new SpikeAgreement(first is null, first, first * dt, referenceKeys.Count, otherKeys.Count, populations);
    }

    /// <summary>Adds one key per spike: the step in the high bits, the neuron (numbered across all populations) in the low ones,
    /// so that sorted keys run through the spikes step by step.</summary>
    private static void AddKeys(SpikeRecord record, long offset, List<long> keys)
    {
        for (int s = 0; s < record.Count; s++)
        {
            keys.Add((record.Steps[s] << NeuronBits) | (offset + record.Neurons[s]));
        }
    }

    private static long? FirstDifference(List<long> a, List<long> b)
    {
        int n = Math.Min(a.Count, b.Count);
        for (int i = 0; i < n; i++)
        {
            if (a[i] != b[i])
            {
                return Math.Min(a[i], b[i]);
            }
        }
        return a.Count == b.Count ? null : (a.Count > n ? a[n] : b[n]);
    }
}
