using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;

namespace Snn.Core.Tests.Connections;

/// <summary>
/// Connectivity rules, checked on the realised synapse tables (<see cref="Projection.Instantiate"/>)
/// against their defining statistics. Random counts are compared with their exact mean within
/// five standard deviations (false alarm rate below 1e-6 per check).
/// </summary>
public class ConnectivityTests
{
    [Fact]
    public void ProbabilityGivesBinomialCountAndIndependentTargets()
    {
        const int n = 1000, m = 800;
        const double p = 0.1;
        var network = Statistics.TwoPopulations(n, m, out var source, out var target);
        var table = network.Connect(source, target, Connectivity.Probability(p), Synapse.Excitatory(1)).Instantiate();

        double pairs = (double)n * m;
        Assert.InRange(table.Count, pairs * p - 5 * Math.Sqrt(pairs * p * (1 - p)), pairs * p + 5 * Math.Sqrt(pairs * p * (1 - p)));

        // In-degrees are Binomial(n, p): variance n p (1 − p); the sample variance over m targets has
        // standard error ≈ σ² √(2 / (m − 1)).
        var inDegrees = Statistics.Histogram(table.Targets, m).Select(c => (double)c).ToArray();
        double variance = n * p * (1 - p);
        Assert.Equal(variance, Statistics.Moments(inDegrees).Variance, 5 * variance * Math.Sqrt(2.0 / (m - 1)));
        var outDegrees = Statistics.Histogram(table.Sources, n).Select(c => (double)c).ToArray();
        double outVariance = m * p * (1 - p);
        Assert.Equal(outVariance, Statistics.Moments(outDegrees).Variance, 5 * outVariance * Math.Sqrt(2.0 / (n - 1)));

        // Independence between targets: two targets share Binomial(n, p²) sources.
        var sourcesOf = Enumerable.Range(0, m).Select(_ => new HashSet<int>()).ToArray();
        for (int s = 0; s < table.Count; s++)
        {
            Assert.True(sourcesOf[table.Targets[s]].Add(table.Sources[s]), "Probability created a multapse");
        }
        var overlaps = Enumerable.Range(0, m - 1).Select(t => (double)sourcesOf[t].Count(sourcesOf[t + 1].Contains)).ToArray();
        double overlapMean = n * p * p, overlapSd = Math.Sqrt(n * p * p * (1 - p * p));
        Assert.Equal(overlapMean, overlaps.Average(), 5 * overlapSd / Math.Sqrt(m - 1));
    }

    [Fact]
    public void ProbabilityWithinOnePopulationExcludesAutapsesUnlessAllowed()
    {
        const int n = 600;
        const double p = 0.2;
        var network = new Network(3, 0.1);
        var population = network.AddPopulation("pop", n, new LifCurrent());
        var without = network.Connect(population, population, Connectivity.Probability(p), Synapse.Excitatory(1)).Instantiate();
        var with = network.Connect(population, population, Connectivity.Probability(p, allowAutapses: true), Synapse.Excitatory(1)).Instantiate();

        Assert.DoesNotContain(Enumerable.Range(0, without.Count), s => without.Sources[s] == without.Targets[s]);
        double pairs = (double)n * (n - 1);
        Assert.InRange(without.Count, pairs * p - 5 * Math.Sqrt(pairs * p * (1 - p)), pairs * p + 5 * Math.Sqrt(pairs * p * (1 - p)));
        int autapses = Enumerable.Range(0, with.Count).Count(s => with.Sources[s] == with.Targets[s]);
        Assert.InRange(autapses, n * p - 5 * Math.Sqrt(n * p * (1 - p)), n * p + 5 * Math.Sqrt(n * p * (1 - p)));
    }

    [Fact]
    public void ProbabilityZeroAndOneGiveNoneAndAllPairs()
    {
        var network = Statistics.TwoPopulations(30, 40, out var source, out var target);
        Assert.Equal(0, network.Connect(source, target, Connectivity.Probability(0), Synapse.Excitatory(1)).Instantiate().Count);
        var all = network.Connect(source, target, Connectivity.Probability(1), Synapse.Excitatory(1)).Instantiate();
        Assert.Equal(30 * 40, all.Count);
        Assert.Equal(30 * 40, Enumerable.Range(0, all.Count).Select(s => (all.Sources[s], all.Targets[s])).Distinct().Count());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FixedInDegreeGivesExactlyKSourcesPerTarget(bool allowMultapses)
    {
        const int n = 200, k = 50;
        var network = new Network(5, 0.1);
        var population = network.AddPopulation("pop", n, new LifCurrent());
        var table = network.Connect(population, population, Connectivity.FixedInDegree(k, allowAutapses: false, allowMultapses), Synapse.Excitatory(1)).Instantiate();

        Assert.Equal(n * k, table.Count);
        Assert.All(Statistics.Histogram(table.Targets, n), degree => Assert.Equal(k, degree));
        Assert.DoesNotContain(Enumerable.Range(0, table.Count), s => table.Sources[s] == table.Targets[s]);
        int distinct = Enumerable.Range(0, table.Count).Select(s => (table.Sources[s], table.Targets[s])).Distinct().Count();
        if (allowMultapses)
        {
            // k draws from n − 1 candidates with replacement repeat a pair C(k,2)/(n−1) ≈ 6 times per target.
            Assert.True(distinct < table.Count, "multapses allowed but none drawn");
        }
        else
        {
            Assert.Equal(table.Count, distinct);
        }
        Assert.True(Statistics.ChiSquareUniform(Statistics.Histogram(table.Sources, n)) < Statistics.ChiSquareBound(n - 1));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FixedOutDegreeGivesExactlyKTargetsPerSource(bool allowMultapses)
    {
        const int n = 200, k = 40;
        var network = new Network(6, 0.1);
        var population = network.AddPopulation("pop", n, new LifCurrent());
        var table = network.Connect(population, population, Connectivity.FixedOutDegree(k, allowAutapses: false, allowMultapses), Synapse.Excitatory(1)).Instantiate();

        Assert.Equal(n * k, table.Count);
        Assert.All(Statistics.Histogram(table.Sources, n), degree => Assert.Equal(k, degree));
        Assert.DoesNotContain(Enumerable.Range(0, table.Count), s => table.Sources[s] == table.Targets[s]);
        int distinct = Enumerable.Range(0, table.Count).Select(s => (table.Sources[s], table.Targets[s])).Distinct().Count();
        Assert.Equal(!allowMultapses, distinct == table.Count);
        Assert.True(Statistics.ChiSquareUniform(Statistics.Histogram(table.Targets, n)) < Statistics.ChiSquareBound(n - 1));
    }

    [Fact]
    public void FixedInDegreeMayIncludeAutapsesWhenAllowed()
    {
        const int n = 20;
        var network = new Network(5, 0.1);
        var population = network.AddPopulation("pop", n, new LifCurrent());
        var table = network.Connect(population, population, Connectivity.FixedInDegree(n, allowAutapses: true), Synapse.Excitatory(1)).Instantiate();
        Assert.Equal(n * n, table.Count);
        Assert.Equal(n, Enumerable.Range(0, table.Count).Count(s => table.Sources[s] == table.Targets[s]));
    }

    [Fact]
    public void OneToOneConnectsEachNeuronToItsPartner()
    {
        var network = Statistics.TwoPopulations(25, 25, out var source, out var target);
        var table = network.Connect(source, target, Connectivity.OneToOne(), Synapse.Excitatory(1)).Instantiate();
        Assert.Equal(Enumerable.Range(0, 25), table.Sources.Order());
        Assert.All(Enumerable.Range(0, table.Count), s => Assert.Equal(table.Sources[s], table.Targets[s]));
    }

    [Fact]
    public void AllToAllConnectsEveryPairOnce()
    {
        var network = Statistics.TwoPopulations(12, 9, out var source, out var target);
        var table = network.Connect(source, target, Connectivity.AllToAll(), Synapse.Excitatory(1)).Instantiate();
        Assert.Equal(12 * 9, Enumerable.Range(0, table.Count).Select(s => (table.Sources[s], table.Targets[s])).Distinct().Count());
        Assert.Equal(12 * 9, table.Count);

        var self = network.Connect(target, target, Connectivity.AllToAll(), Synapse.Excitatory(1)).Instantiate();
        Assert.Equal(9 * 8, self.Count);
        Assert.DoesNotContain(Enumerable.Range(0, self.Count), s => self.Sources[s] == self.Targets[s]);
        Assert.Equal(81, network.Connect(target, target, Connectivity.AllToAll(allowAutapses: true), Synapse.Excitatory(1)).Instantiate().Count);
    }

    [Fact]
    public void PairsKeepTheirOrderAndTheirExplicitWeightsAndDelays()
    {
        int[] sources = [3, 0, 3, 1, 1];
        int[] targets = [2, 2, 0, 4, 4];
        double[] weights = [1.5, -2, 3.25, 4, 5];
        double[] delays = [0.1, 0.5, 1.0, 2.3, 0.2];
        var network = Statistics.TwoPopulations(4, 5, out var source, out var target);
        var table = network.Connect(source, target, Connectivity.Pairs(sources, targets), Synapse.Excitatory(Dist.Explicit(weights), Dist.Explicit(delays))).Instantiate();

        Assert.Equal(sources, table.Sources);
        Assert.Equal(targets, table.Targets);
        Assert.Equal(weights.Select(w => (float)w), table.Weights);
        Assert.Equal(new ushort[] { 1, 5, 10, 23, 2 }, table.DelaySteps);
    }

    [Fact]
    public void FixedTotalNumberGivesExactlyNUniformSynapses()
    {
        const int n = 100, m = 150, total = 60_000;
        var network = Statistics.TwoPopulations(n, m, out var source, out var target);
        var table = network.Connect(source, target, Connectivity.FixedTotalNumber(total), Synapse.Excitatory(1)).Instantiate();
        Assert.Equal(total, table.Count);
        Assert.True(Statistics.ChiSquareUniform(Statistics.Histogram(table.Sources, n)) < Statistics.ChiSquareBound(n - 1));
        Assert.True(Statistics.ChiSquareUniform(Statistics.Histogram(table.Targets, m)) < Statistics.ChiSquareBound(m - 1));

        var self = network.Connect(target, target, Connectivity.FixedTotalNumber(5000, allowAutapses: false), Synapse.Excitatory(1)).Instantiate();
        Assert.Equal(5000, self.Count);
        Assert.DoesNotContain(Enumerable.Range(0, self.Count), s => self.Sources[s] == self.Targets[s]);
    }

    /// <summary>On a 7×7×7 grid (spacing 1) each ordered pair (i ≠ j) connects with probability
    /// C exp(−(d/λ)²): the count has mean Σ p and variance Σ p (1 − p) over the pairs, and so does the
    /// count at each distance.</summary>
    [Fact]
    public void DistanceDependentCountMatchesTheExpectedSumOverPairs()
    {
        const int side = 7;
        const double c = 0.6, lambda = 1.5;
        var network = new Network(9, 0.1);
        var population = network.AddPopulation("grid", side * side * side, new LifCurrent());
        population.OnGrid(side, side, side, spacing: 1);
        var table = network.Connect(population, population, Connectivity.DistanceDependent(c, lambda), Synapse.Excitatory(1)).Instantiate();

        var positions = population.Positions.ToArray();
        double Distance2(int i, int j)
        {
            double dx = positions[3 * i] - positions[3 * j], dy = positions[3 * i + 1] - positions[3 * j + 1], dz = positions[3 * i + 2] - positions[3 * j + 2];
            return dx * dx + dy * dy + dz * dz;
        }
        int n = population.Size;
        double mean = 0, variance = 0, meanNearest = 0, varianceNearest = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (i == j)
                {
                    continue;
                }
                double d2 = Distance2(i, j);
                double p = c * Math.Exp(-d2 / (lambda * lambda));
                mean += p;
                variance += p * (1 - p);
                if (Math.Abs(d2 - 1) < 1e-6)
                {
                    meanNearest += p;
                    varianceNearest += p * (1 - p);
                }
            }
        }
        Assert.DoesNotContain(Enumerable.Range(0, table.Count), s => table.Sources[s] == table.Targets[s]);
        Assert.InRange(table.Count, mean - 5 * Math.Sqrt(variance), mean + 5 * Math.Sqrt(variance));
        int nearest = Enumerable.Range(0, table.Count).Count(s => Math.Abs(Distance2(table.Sources[s], table.Targets[s]) - 1) < 1e-6);
        Assert.InRange(nearest, meanNearest - 5 * Math.Sqrt(varianceNearest), meanNearest + 5 * Math.Sqrt(varianceNearest));
    }

    [Fact]
    public void DistanceDependentUsesExplicitPositionsOfBothPopulations()
    {
        // Sources on a line at x = 0..9, one target at x = 0: source k is at distance k.
        var network = Statistics.TwoPopulations(10, 2000, out var source, out var target);
        source.WithPositions(Enumerable.Range(0, 10).SelectMany(k => new[] { (float)k, 0f, 0f }).ToArray());
        target.WithPositions(new float[3 * 2000]);
        const double c = 0.8, lambda = 3;
        var table = network.Connect(source, target, Connectivity.DistanceDependent(c, lambda), Synapse.Excitatory(1)).Instantiate();
        var perSource = Statistics.Histogram(table.Sources, 10);
        for (int k = 0; k < 10; k++)
        {
            double p = c * Math.Exp(-(k / lambda) * (k / lambda));
            double sd = Math.Sqrt(2000 * p * (1 - p));
            Assert.InRange(perSource[k], 2000 * p - 5 * sd - 1e-9, 2000 * p + 5 * sd + 1e-9);
        }
    }

    [Fact]
    public void SameSeedGivesTheSameSynapsesAndAnotherSeedDifferentOnes()
    {
        SynapseTable Build(ulong seed)
        {
            var network = Statistics.TwoPopulations(300, 300, out var source, out var target, seed);
            network.Connect(target, target, Connectivity.FixedInDegree(7), Synapse.Excitatory(1));
            return network.Connect(source, target, Connectivity.Probability(0.05), Synapse.Excitatory(Dist.Normal(1, 0.3), Dist.Uniform(0.5, 4))).Instantiate();
        }

        var a = Build(77);
        var b = Build(77);
        Assert.Equal(a.Sources, b.Sources);
        Assert.Equal(a.Targets, b.Targets);
        Assert.Equal(a.Weights, b.Weights);
        Assert.Equal(a.DelaySteps, b.DelaySteps);
        var c = Build(78);
        Assert.False(a.Sources.SequenceEqual(c.Sources) && a.Targets.SequenceEqual(c.Targets));
        Assert.NotEqual(a.Weights.Take(100), c.Weights.Take(100));
    }

    [Fact]
    public void InstantiatingTwiceGivesTheSameTable()
    {
        var network = Statistics.TwoPopulations(100, 100, out var source, out var target);
        var projection = network.Connect(source, target, Connectivity.FixedTotalNumber(1000), Synapse.Excitatory(Dist.LogNormal(0, 1), Dist.Uniform(0.1, 2)));
        var a = projection.Instantiate();
        var b = projection.Instantiate();
        Assert.Equal(a.Sources, b.Sources);
        Assert.Equal(a.Targets, b.Targets);
        Assert.Equal(a.Weights, b.Weights);
        Assert.Equal(a.DelaySteps, b.DelaySteps);
    }
}
