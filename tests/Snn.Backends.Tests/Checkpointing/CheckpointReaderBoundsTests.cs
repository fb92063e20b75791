using Snn.Backends.Checkpointing;

namespace Snn.Backends.Tests.Checkpointing;

/// <summary>Checkpoints with a valid checksum whose count fields are corrupt: the reader refuses
/// them with the offset before allocating what the count asks for.</summary>
public class CheckpointReaderBoundsTests
{
    private static CheckpointReader Crafted(Action<CheckpointWriter> fields)
    {
        var writer = new CheckpointWriter();
        fields(writer);
        var stream = new MemoryStream();
        writer.WriteTo(stream);
        stream.Position = 0;
        return new CheckpointReader(stream);
    }

    [Fact]
    public void RowCountBeyondTheRemainingBytesIsRefusedBeforeAllocating()
    {
        var reader = Crafted(w => w.Write(int.MaxValue));
        long before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<InvalidDataException>(() => reader.ReadRows(4, "state samples"));

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20, "the reader allocated for the declared rows");
        Assert.Contains("at byte 12", error.Message);
        Assert.Contains($"{int.MaxValue} state samples", error.Message);
    }

    [Theory]
    [InlineData(long.MaxValue / 2)]
    [InlineData(1L << 61)]
    [InlineData(3)]
    public void ArrayLengthBeyondTheRemainingBytesIsInvalidData(long length)
    {
        var reader = Crafted(w => { w.Write(length); w.Write(1.0); });

        var error = Assert.Throws<InvalidDataException>(() => reader.ReadArray<float>(-1, "weights"));

        Assert.Contains("at byte 20", error.Message);
        Assert.Contains($"weights has {length} elements", error.Message);
    }
}
