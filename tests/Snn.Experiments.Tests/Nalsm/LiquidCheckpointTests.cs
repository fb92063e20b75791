using System.Text;
using Snn.Experiments.Nalsm;
using Snn.Learning.Reservoir;

namespace Snn.Experiments.Tests.Nalsm;

public sealed class LiquidCheckpointTests : IDisposable
{
    private readonly ResumeFixture _run = new();

    public void Dispose() => _run.Dispose();

    /// <summary>Byte offset of the first chunk record, by the documented layout: the header (magic,
    /// version, protocol length and bytes, hash), then the W_INI record (kind, length, initialisation
    /// seconds, three counted float32 groups, hash).</summary>
    private static int FirstChunkOffset()
    {
        var topology = LiquidTopology.Build(ResumeFixture.Tiny.Liquid);
        int header = 8 + 4 + 4 + Encoding.UTF8.GetByteCount(NalsmProtocol.Key(ResumeFixture.Tiny)) + 8;
        int weights = 8 + 8 + 3 * 4 + 4 * (topology.Excitatory.Count + topology.Inhibitory.Count + topology.Input.Count) + 8;
        return header + weights;
    }

    /// <summary>Payload bytes of a chunk of two samples of 100 neurons: four int32, the uint16 counts, five 8-byte fields.</summary>
    private const int ChunkPayload = 4 * 4 + 2 * 2 * 100 + 5 * 8;

    private byte[] OneChunkSaved()
    {
        _run.RunUntil(ResumeFixture.Tiny, r => r.Phase == "features train");
        byte[] data = File.ReadAllBytes(_run.PartialPath);
        Assert.Equal(FirstChunkOffset() + 8 + ChunkPayload + 8, data.Length);
        return data;
    }

    private InvalidDataException Refused(byte[] data)
    {
        File.WriteAllBytes(_run.PartialPath, data);
        var error = Assert.Throws<InvalidDataException>(() => _run.Finish(ResumeFixture.Tiny));
        Assert.Equal(data, File.ReadAllBytes(_run.PartialPath));
        Assert.False(File.Exists(_run.FeaturesPath));
        return error;
    }

    [Fact]
    public void AChangedCountFailsItsRecordsHashAtTheHashsOffset()
    {
        byte[] data = OneChunkSaved();
        data[FirstChunkOffset() + 8 + 16 + 10] ^= 1;

        var error = Refused(data);

        Assert.Contains($"corrupt at byte {FirstChunkOffset() + 8 + ChunkPayload}", error.Message);
        Assert.Contains(_run.PartialPath, error.Message);
    }

    [Fact]
    public void AnUnknownRecordKindIsRefusedAtTheRecordsOffset()
    {
        byte[] data = OneChunkSaved();
        data[FirstChunkOffset()] = 7;

        Assert.Contains($"corrupt at byte {FirstChunkOffset()}: record kind 7", Refused(data).Message);
    }

    [Fact]
    public void ATruncatedHeaderAndAMissingMagicAreRefused()
    {
        byte[] data = OneChunkSaved();

        Assert.Contains("truncated at byte 20", Refused(data[..20]).Message);
        data[0] = (byte)'X';
        Assert.Contains("corrupt at byte 0", Refused(data).Message);
    }

    [Fact]
    public void AChunkRecordClaimingMoreBytesThanAChunkHoldsIsRefusedNotDropped()
    {
        byte[] data = OneChunkSaved();
        BitConverter.TryWriteBytes(data.AsSpan(FirstChunkOffset() + 4), ChunkPayload + 2 * 100 + 1);

        Assert.Contains($"corrupt at byte {FirstChunkOffset() + 4}", Refused(data).Message);
    }

    /// <summary>Found by the fuzzer (target liquid-partial): a header whose protocol bytes were changed
    /// and whose hash was rewritten to match reached <see cref="NalsmProtocol.Difference"/>, and its
    /// <c>JsonReaderException</c> escaped. The protocol here has its first ':' replaced by '=',
    /// is cut short, is a JSON array, or repeats a name.</summary>
    [Theory]
    [InlineData("{\"Liquid\"={}}")]
    [InlineData("{\"Liquid\":{")]
    [InlineData("[1,2]")]
    [InlineData("{\"TrainCount\":6,\"TrainCount\":7}")]
    public void AProtocolThatIsNotAJsonObjectIsRefusedAtItsOffset(string protocol)
    {
        var error = Refused(LiquidCheckpointRecords.Header(protocol));

        Assert.Contains("corrupt at byte 16: the protocol is not a JSON object", error.Message);
    }

    [Fact]
    public void AProtocolThatIsAnotherJsonObjectIsAnotherProtocol()
    {
        File.WriteAllBytes(_run.PartialPath, LiquidCheckpointRecords.Header("{\"TrainCount\":7}"));

        var error = Assert.Throws<InvalidOperationException>(() => _run.Finish(ResumeFixture.Tiny));

        Assert.Contains("TrainCount: 7 in the features, 6 in options", error.Message);
    }
}
