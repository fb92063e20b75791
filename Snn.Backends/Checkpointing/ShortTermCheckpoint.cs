namespace Snn.Backends.Checkpointing;

/// <summary>
/// The short-term plasticity state of a simulation as a checkpoint holds it: per entry (a
/// presynaptic neuron of a projection with short-term plasticity) the release probability u, the
/// available resources x and the step of its last spike (−1 before the first), and the factors
/// u·x of the spikes still travelling, one row of entries per ring slot.
/// </summary>
/// <param name="U">Release probability per entry (in [0, 1]).</param>
/// <param name="X">Available resources per entry (in [0, 1]).</param>
/// <param name="LastStep">Step of each entry's last spike, −1 for none.</param>
/// <param name="Factors">u·x of the spike emitted in each ring slot, slot-major.</param>
internal sealed record ShortTermCheckpoint(double[] U, double[] X, long[] LastStep, float[] Factors)
{
    /// <summary>Writes the state.</summary>
    public void Write(CheckpointWriter writer)
    {
        writer.Write<double>(U);
        writer.Write<double>(X);
        writer.Write<long>(LastStep);
        writer.Write<float>(Factors);
    }

    /// <summary>Reads a state of <paramref name="entries"/> entries and <paramref name="factors"/>
    /// factors written before step <paramref name="step"/>, naming the byte offset of the first
    /// value out of range.</summary>
    public static ShortTermCheckpoint Read(CheckpointReader reader, int entries, long factors, long step)
    {
        var u = ReadFractions(reader, entries, "short-term release probabilities u");
        var x = ReadFractions(reader, entries, "short-term resources x");
        int at = reader.Offset;
        var last = reader.ReadArray<long>(entries, "short-term last spike steps");
        for (int i = 0; i < last.Length; i++)
        {
            if (last[i] < -1 || last[i] >= step)
            {
                throw new InvalidDataException($"Checkpoint corrupt at byte {at + 8 + 8L * i}: last spike step {last[i]} of short-term entry {i} must be in [-1, {step - 1}].");
            }
        }
        at = reader.Offset;
        var factor = reader.ReadArray<float>(factors, "short-term factors u·x");
        for (int i = 0; i < factor.Length; i++)
        {
            if (!(factor[i] >= 0 && factor[i] <= 1))
            {
                throw new InvalidDataException($"Checkpoint corrupt at byte {at + 8 + 4L * i}: short-term factor {i} = {factor[i]} must be in [0, 1].");
            }
        }
        return new ShortTermCheckpoint(u, x, last, factor);
    }

    private static double[] ReadFractions(CheckpointReader reader, int entries, string what)
    {
        int at = reader.Offset;
        var values = reader.ReadArray<double>(entries, what);
        for (int i = 0; i < values.Length; i++)
        {
            if (!(values[i] >= 0 && values[i] <= 1))
            {
                throw new InvalidDataException($"Checkpoint corrupt at byte {at + 8 + 8L * i}: {what}[{i}] = {values[i]} must be in [0, 1].");
            }
        }
        return values;
    }
}
