namespace Snn.Core.Interop.Nir;

/// <summary>
/// The signal on a NIR edge between populations, as a linear function of the spikes of Snn
/// populations: for each channel (row-major over <see cref="Shape"/>), the weight of every
/// (source population, source neuron, delay in steps) that feeds it, plus a constant.
/// </summary>
internal sealed class NirSignal
{
    private NirSignal(int[] shape, Dictionary<NirTerm, double>[] terms, double[] constant)
    {
        Shape = shape;
        Terms = terms;
        Constant = constant;
    }

    public int[] Shape { get; }

    public int Size => Terms.Length;

    public Dictionary<NirTerm, double>[] Terms { get; }

    public double[] Constant { get; }

    public static NirSignal Zero(int[] shape)
    {
        int size = SizeOf(shape);
        var terms = new Dictionary<NirTerm, double>[size];
        for (int i = 0; i < size; i++)
        {
            terms[i] = [];
        }
        return new NirSignal(shape, terms, new double[size]);
    }

    public static NirSignal Identity(int source, int[] shape)
    {
        var signal = Zero(shape);
        for (int i = 0; i < signal.Size; i++)
        {
            signal.Terms[i][new NirTerm(source, i, 0)] = 1;
        }
        return signal;
    }

    public static int SizeOf(IReadOnlyList<int> shape)
    {
        long size = 1;
        foreach (int dimension in shape)
        {
            size *= dimension;
        }
        return checked((int)size);
    }

    /// <summary>This signal with another shape of the same size.</summary>
    public NirSignal Reshaped(int[] shape) => new(shape, Terms, Constant);

    /// <summary>The sum of two signals of the same size (this one's shape).</summary>
    public NirSignal Plus(NirSignal other)
    {
        var sum = Zero(Shape);
        for (int i = 0; i < Size; i++)
        {
            AddInto(sum.Terms[i], Terms[i], 1);
            AddInto(sum.Terms[i], other.Terms[i], 1);
            sum.Constant[i] = Constant[i] + other.Constant[i];
        }
        return sum;
    }

    /// <summary>y = M x + bias for a sparse M given as (row, column, value) entries.</summary>
    public NirSignal Transform(int[] shape, IEnumerable<(int Row, int Column, double Value)> entries, Func<int, double>? bias = null)
    {
        var result = Zero(shape);
        foreach (var (row, column, value) in entries)
        {
            if (value == 0)
            {
                continue;
            }
            AddInto(result.Terms[row], Terms[column], value);
            result.Constant[row] += value * Constant[column];
        }
        if (bias is not null)
        {
            for (int i = 0; i < result.Size; i++)
            {
                result.Constant[i] += bias(i);
            }
        }
        return result;
    }

    /// <summary>Every term of channel i delayed by steps[i] more steps; constants stay.</summary>
    public NirSignal Delayed(int[] steps)
    {
        var result = Zero(Shape);
        for (int i = 0; i < Size; i++)
        {
            foreach (var (term, weight) in Terms[i])
            {
                var delayed = term with { DelaySteps = term.DelaySteps + steps[i] };
                result.Terms[i][delayed] = result.Terms[i].GetValueOrDefault(delayed) + weight;
            }
            result.Constant[i] = Constant[i];
        }
        return result;
    }

    private static void AddInto(Dictionary<NirTerm, double> target, Dictionary<NirTerm, double> source, double factor)
    {
        foreach (var (term, weight) in source)
        {
            target[term] = target.GetValueOrDefault(term) + factor * weight;
        }
    }
}
