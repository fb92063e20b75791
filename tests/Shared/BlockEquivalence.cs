using Snn.Core.Models;
using Xunit;

namespace Snn.Tests.Shared;

/// <summary>
/// Runs a model's <see cref="IBlockNeuronModel{TModel}.StepBlock"/> and, on a copy of the same
/// state, a plain loop of its scalar <see cref="INeuronModel{TModel}.Step"/> (written here, not the
/// engine's), step after step, and asserts that every state bit and every spike agree. The state
/// starts spread over the given ranges with a share of neurons refractory; inputs are random with
/// many zeros, so neurons fire, reset, count down and integrate within one run. Without current,
/// the block gets an empty current span and the scalar loop a current of 0 pA.
/// </summary>
public static class BlockEquivalence
{
    /// <summary>Block lengths that leave 0 to 15 lanes after the last whole vector of 8 or 16.</summary>
    public static readonly int[] Lengths = [1, 7, 8, 9, 16, 37, 67];

    /// <summary>Checks <paramref name="model"/> (not yet prepared) at dt <paramref name="dt"/> over
    /// <paramref name="steps"/> steps starting at <paramref name="firstStep"/>; with
    /// <paramref name="withoutCurrent"/> the block carries no current span (<see cref="NeuronBlock.HasCurrent"/> false).</summary>
    /// <returns>The number of spikes and of refractory neuron-steps seen, for the caller to check
    /// that the edges were exercised.</returns>
    public static (int Spikes, int RefractorySteps) Check<TModel>(TModel model, double dt, int n, int steps, Ranges ranges, long firstStep = 0, int seed = 1,
        bool withoutCurrent = false)
        where TModel : struct, IBlockNeuronModel<TModel>
    {
        var prepared = model.Prepare(dt);
        var random = new Random(seed + n);
        var block = new Arrays(n);
        for (int i = 0; i < n; i++)
        {
            block.V[i] = Draw(random, ranges.V);
            block.U[i] = Draw(random, ranges.U);
            block.SynE[i] = Draw(random, ranges.SynE);
            block.SynI[i] = Draw(random, ranges.SynI);
            block.Refractory[i] = random.Next(4) == 0 ? random.Next(1, 6) : 0;
        }
        var scalar = block.Copy();
        var blockSpikes = new int[n];
        int totalSpikes = 0, refractorySteps = 0;
        for (int s = 0; s < steps; s++)
        {
            long step = firstStep + s;
            for (int i = 0; i < n; i++)
            {
                block.InputE[i] = random.Next(3) == 0 ? Draw(random, ranges.InputE) : 0f;
                block.InputI[i] = random.Next(3) == 0 ? Draw(random, ranges.InputI) : 0f;
                block.Current[i] = !withoutCurrent && random.Next(2) == 0 ? Draw(random, ranges.Current) : 0f;
                refractorySteps += block.Refractory[i] > 0 ? 1 : 0;
            }
            var context = new StepContext(99, 3, step, 0);
            int count = prepared.StepBlock(new NeuronBlock(block.V, block.U, block.SynE, block.SynI, block.Refractory,
                block.InputE, block.InputI, withoutCurrent ? [] : block.Current, context), blockSpikes);
            var expected = new List<int>();
            for (int i = 0; i < n; i++)
            {
                var state = new NeuronState { V = scalar.V[i], U = scalar.U[i], SynE = scalar.SynE[i], SynI = scalar.SynI[i], RefractoryCountdown = scalar.Refractory[i] };
                if (prepared.Step(ref state, block.InputE[i], block.InputI[i], block.Current[i], context with { Neuron = i }))
                {
                    expected.Add(i);
                }
                (scalar.V[i], scalar.U[i], scalar.SynE[i], scalar.SynI[i], scalar.Refractory[i]) = (state.V, state.U, state.SynE, state.SynI, state.RefractoryCountdown);
            }
            Assert.Equal(expected, blockSpikes.Take(count));
            AssertBits(scalar.V, block.V, "V", step);
            AssertBits(scalar.U, block.U, "U", step);
            AssertBits(scalar.SynE, block.SynE, "SynE", step);
            AssertBits(scalar.SynI, block.SynI, "SynI", step);
            Assert.Equal(scalar.Refractory, block.Refractory);
            totalSpikes += count;
        }
        return (totalSpikes, refractorySteps);
    }

    private static float Draw(Random random, (double Low, double High) range) => (float)(range.Low + (range.High - range.Low) * random.NextDouble());

    private static void AssertBits(float[] expected, float[] actual, string name, long step)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
            {
                Assert.Fail($"{name}[{i}] at step {step}: scalar {expected[i]:R}, block {actual[i]:R}");
            }
        }
    }

    /// <summary>Where state and inputs are drawn from (uniform over each range).</summary>
    public sealed record Ranges((double Low, double High) V, (double Low, double High) InputE, (double Low, double High) InputI)
    {
        /// <summary>Range of U.</summary>
        public (double Low, double High) U { get; init; } = (0, 0);

        /// <summary>Range of SynE.</summary>
        public (double Low, double High) SynE { get; init; } = (0, 0);

        /// <summary>Range of SynI.</summary>
        public (double Low, double High) SynI { get; init; } = (0, 0);

        /// <summary>Range of the injected current.</summary>
        public (double Low, double High) Current { get; init; } = (0, 0);
    }

    private sealed class Arrays(int n)
    {
        public float[] V { get; } = new float[n];
        public float[] U { get; } = new float[n];
        public float[] SynE { get; } = new float[n];
        public float[] SynI { get; } = new float[n];
        public int[] Refractory { get; } = new int[n];
        public float[] InputE { get; } = new float[n];
        public float[] InputI { get; } = new float[n];
        public float[] Current { get; } = new float[n];

        public Arrays Copy()
        {
            var copy = new Arrays(V.Length);
            V.CopyTo(copy.V, 0);
            U.CopyTo(copy.U, 0);
            SynE.CopyTo(copy.SynE, 0);
            SynI.CopyTo(copy.SynI, 0);
            Refractory.CopyTo(copy.Refractory, 0);
            return copy;
        }
    }
}
