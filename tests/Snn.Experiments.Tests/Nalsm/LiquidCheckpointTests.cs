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
    private static int FirstChunkOffset() => FirstChunkOffset(ResumeFixture.Tiny);

    private static int FirstChunkOffset(NalsmOptions options)
    {
        var topology = LiquidTopology.Build(options.Liquid);
        int header = 8 + 4 + 4 + Encoding.UTF8.GetByteCount(NalsmProtocol.Key(options)) + 8;
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

    /// <summary>Chunks of 8 samples: the validation split (3 samples) and the test split (1 sample)
    /// are one short chunk each, whose records (656 and 256 payload bytes) are far below the largest
    /// chunk record (1656).</summary>
    private static readonly NalsmOptions LongChunks = ResumeFixture.Tiny with { ChunkSamples = 8, TestCount = 1 };

    private const int ValidationPayload = ChunkPayload + 2 * 100;

    /// <summary>W_INI, then the validation chunk and the test chunk, written without simulating.</summary>
    private byte[] ValidationAndTestChunksSaved()
    {
        var topology = LiquidTopology.Build(LongChunks.Liquid);
        using (var checkpoint = LiquidCheckpoint.Open(_run.PartialPath, LongChunks, topology))
        {
            checkpoint.SaveInitialWeights([new float[topology.Excitatory.Count], new float[topology.Inhibitory.Count], new float[topology.Input.Count]], seconds: 1);
            checkpoint.Journal(LiquidSplit.Validation, () => 2).Keep(0, Chunk(3));
            checkpoint.Journal(LiquidSplit.Test, () => 3).Keep(0, Chunk(1));
        }
        byte[] data = File.ReadAllBytes(_run.PartialPath);
        Assert.Equal(FirstChunkOffset(LongChunks) + 8 + ValidationPayload + 8 + 8 + (ChunkPayload - 2 * 100) + 8, data.Length);
        return data;
    }

    private static LiquidChunk Chunk(int samples)
        => new([.. Enumerable.Range(0, samples).Select(s => Enumerable.Range(0, 100).Select(i => (i + s) % 4).ToArray())], 10, new BranchingTotals(0.5, 1, 2));

    private InvalidDataException RefusedOnOpen(byte[] data)
    {
        File.WriteAllBytes(_run.PartialPath, data);
        var error = Assert.Throws<InvalidDataException>(() => LiquidCheckpoint.Open(_run.PartialPath, LongChunks, LiquidTopology.Build(LongChunks.Liquid)));
        Assert.Equal(data, File.ReadAllBytes(_run.PartialPath));
        return error;
    }

    /// <summary>Found reading the reader: the validation record's length changed from 656 to 1656
    /// (the largest chunk) made it run past the end of the file, so it and the test record after it
    /// were dropped as a torn last record and the file cut back to W_INI.</summary>
    [Fact]
    public void AMiddleRecordsLengthGrownPastTheEndOfTheFileIsRefusedNotDroppedAsTorn()
    {
        byte[] data = ValidationAndTestChunksSaved();
        int record = FirstChunkOffset(LongChunks);
        BitConverter.TryWriteBytes(data.AsSpan(record + 4), ChunkPayload - 2 * 2 * 100 + 8 * 2 * 100);

        Assert.Contains($"corrupt at byte {record + 4}: a record of chunk 0 of Validation that runs past the end of the file claims 1656 bytes; that chunk's record has 656",
            RefusedOnOpen(data).Message);
    }

    /// <summary>Found reading the reader: the last record's length changed from 256 (one sample) to
    /// 456 (two samples) made it run past the end of the file, so it was dropped as torn.</summary>
    [Fact]
    public void TheLastRecordsLengthGrownPastTheEndOfTheFileIsRefusedNotDroppedAsTorn()
    {
        byte[] data = ValidationAndTestChunksSaved();
        int record = FirstChunkOffset(LongChunks) + 8 + ValidationPayload + 8;
        BitConverter.TryWriteBytes(data.AsSpan(record + 4), ChunkPayload);

        Assert.Contains($"corrupt at byte {record + 4}", RefusedOnOpen(data).Message);
    }

    [Fact]
    public void ALastRecordCutShortIsStillDroppedAndTheFileCutBackBeforeIt()
    {
        byte[] data = ValidationAndTestChunksSaved();
        int record = FirstChunkOffset(LongChunks) + 8 + ValidationPayload + 8;
        File.WriteAllBytes(_run.PartialPath, data[..(record + 20)]);

        using (var checkpoint = LiquidCheckpoint.Open(_run.PartialPath, LongChunks, LiquidTopology.Build(LongChunks.Liquid)))
        {
            Assert.True(checkpoint.DroppedTornRecord);
            Assert.Equal(1, checkpoint.SavedChunks(LiquidSplit.Validation));
            Assert.Equal(0, checkpoint.SavedChunks(LiquidSplit.Test));
        }
        Assert.Equal(data[..record], File.ReadAllBytes(_run.PartialPath));
    }
}
