using System.Runtime.InteropServices;

namespace Snn.Backends.Mpi;

/// <summary>Collectives that assemble on every rank a whole array from the parts the ranks hold.</summary>
internal static class RankGather
{
    /// <summary>Collective: the whole array whose element i comes from the rank for which
    /// <paramref name="isLocal"/>(i) holds (every element is held by one rank; default where none holds it).</summary>
    public static T[] Owned<T>(MpiSession session, T[] local, Func<int, bool> isLocal) where T : unmanaged
    {
        var indices = new List<int>();
        for (int i = 0; i < local.Length; i++)
        {
            if (isLocal(i))
            {
                indices.Add(i);
            }
        }
        var allIndices = Concatenate(session, indices.ToArray());
        var allValues = Concatenate(session, indices.Select(i => local[i]).ToArray());
        var whole = new T[local.Length];
        for (int k = 0; k < allIndices.Length; k++)
        {
            whole[allIndices[k]] = allValues[k];
        }
        return whole;
    }

    /// <summary>Collective: every rank's <paramref name="local"/>, concatenated in rank order.</summary>
    public static T[] Concatenate<T>(MpiSession session, T[] local) where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(local.AsSpan());
        var counts = new int[session.Size];
        session.Allgather<int>([bytes.Length], counts);
        var displacements = new int[counts.Length];
        for (int r = 1; r < counts.Length; r++)
        {
            displacements[r] = checked(displacements[r - 1] + counts[r - 1]);
        }
        var all = new byte[checked(displacements[^1] + counts[^1])];
        session.Allgatherv<byte>(bytes, all, counts, displacements);
        return MemoryMarshal.Cast<byte, T>(all).ToArray();
    }
}
