using ILGPU;
using Snn.Backends.Engine;
using Snn.Core.Plasticity;

namespace Snn.Backends.Gpu;

/// <summary>
/// The synapses of one plastic projection on the device: CSR by source with each row sorted by
/// delay (so the synapses a spike reaches after d steps are one contiguous run), an incoming
/// index per target for postsynaptic events, the rule's synapse and post states, and where the
/// projection has short-term plasticity, the factors u·x its sources' spikes left with. The rule event
/// bodies (<see cref="PlasticEvents"/>) read the states and the incoming index through
/// <see cref="IPlasticSynapses"/>.
/// </summary>
internal struct PlasticSynapses : IPlasticSynapses
{
    /// <summary>Row of local source j: [RowStart[j], RowStart[j + 1]), ascending delay.</summary>
    public ArrayView<int> RowStart;

    /// <summary>Local target of each synapse.</summary>
    public ArrayView<int> Target;

    /// <summary>Delay of each synapse (steps).</summary>
    public ArrayView<int> Delay;

    /// <summary>State of each synapse.</summary>
    public ArrayView<SynapseState> State;

    /// <summary>Incoming synapses of local target t: Incoming[IncomingStart[t] .. IncomingStart[t + 1]).</summary>
    public ArrayView<int> IncomingStart;

    /// <summary>Synapse positions grouped by target.</summary>
    public ArrayView<int> Incoming;

    /// <summary>Post state of each target.</summary>
    public ArrayView<PostState> Post;

    /// <summary>Global index of the first source neuron.</summary>
    public int SourceOffset;

    /// <summary>Number of source neurons.</summary>
    public int SourceSize;

    /// <summary>Global index of the first target neuron.</summary>
    public int TargetOffset;

    /// <summary>Number of target neurons.</summary>
    public int TargetSize;

    /// <summary>Ring column of local target 0 (global target, offset by N for inhibitory).</summary>
    public int Column;

    /// <summary>The values of all the network's modulators.</summary>
    public ArrayView<float> Modulators;

    /// <summary>Index of the projection's modulator in <see cref="Modulators"/>, or −1 when it has none.</summary>
    public int ModulatorIndex;

    /// <summary>The short-term factors of all entries, one row of <see cref="ShortTermRow"/> entries per
    /// ring slot (<see cref="ShortTermArrays.Factors"/>); not read when <see cref="ShortTermBase"/> is 0.</summary>
    public ArrayView<float> ShortTermFactors;

    /// <summary>Entries per row of <see cref="ShortTermFactors"/>.</summary>
    public int ShortTermRow;

    /// <summary>Short-term entry of local source 0 (source j has entry ShortTermBase + j), or 0 when
    /// the projection has no short-term plasticity.</summary>
    public int ShortTermBase;

    /// <summary>What a synapse of weight <paramref name="weight"/> (the rule's current weight) from local
    /// source <paramref name="source"/> transmits for a spike emitted in history slot <paramref name="slot"/>:
    /// the weight, times the spike's short-term factor u·x where the projection has short-term plasticity.</summary>
    public readonly float Transmitted(float weight, int source, int slot)
        => ShortTermBase > 0 ? weight * ShortTermFactors[(long)slot * ShortTermRow + ShortTermBase + source] : weight;

    /// <summary>The value of the projection's modulator (0 when it has none).</summary>
    public readonly float ModulatorValue() => ModulatorIndex >= 0 ? Modulators[ModulatorIndex] : 0f;

    /// <inheritdoc />
    public readonly ref SynapseState StateAt(int position) => ref State[position];

    /// <inheritdoc />
    public readonly ref PostState PostAt(int target) => ref Post[target];

    /// <inheritdoc />
    public readonly int FirstIncoming(int target) => IncomingStart[target];

    /// <inheritdoc />
    public readonly int IncomingAt(int entry) => Incoming[entry];

    /// <summary>Not kept on the device: its store (<see cref="DeviceWeights"/>) never commits, so the
    /// event bodies never ask; −1.</summary>
    public readonly int GenerationIndex(int position) => -1;
}
