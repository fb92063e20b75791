using Snn.Core.Plasticity;

namespace Snn.Learning.Tests;

/// <summary>Drives one synapse of a rule through a given sequence of pre arrivals and post spikes,
/// exactly in the engine's within-step order (arrivals before post spikes).</summary>
internal static class RuleSequence
{
    public static float Run<TRule>(TRule rule, double dt, IEnumerable<double> preArrivalsMs, IEnumerable<double> postSpikesMs, float initialWeight)
        where TRule : struct, IPlasticityRule<TRule>
    {
        var prepared = rule.Prepare(dt);
        var events = preArrivalsMs.Select(t => (Step: (long)Math.Round(t / dt) - 1, Post: false))
            .Concat(postSpikesMs.Select(t => (Step: (long)Math.Round(t / dt) - 1, Post: true)))
            .OrderBy(e => e.Step).ThenBy(e => e.Post);
        var synapse = new SynapseState { Weight = initialWeight, LastStep = -1 };
        var post = new PostState { LastStep = -1 };
        foreach (var (step, isPost) in events)
        {
            if (isPost)
            {
                prepared.OnPostSpike(ref synapse, post, 0f, step);
                prepared.AfterPostSpike(ref post, step);
            }
            else
            {
                prepared.OnPreArrival(ref synapse, post, 0f, step);
            }
        }
        return synapse.Weight;
    }

    /// <summary>The spike times of a pairing protocol: <paramref name="pairs"/> pairs at
    /// <paramref name="frequencyHz"/>, the post spike <paramref name="deltaMs"/> after the pre spike.</summary>
    public static (double[] Pre, double[] Post) Pairing(int pairs, double frequencyHz, double deltaMs)
    {
        double period = 1000.0 / frequencyHz;
        double start = 100;
        var pre = Enumerable.Range(0, pairs).Select(k => start + k * period).ToArray();
        var post = pre.Select(t => t + deltaMs).ToArray();
        return (pre, post);
    }
}
