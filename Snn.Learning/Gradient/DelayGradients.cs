namespace Snn.Learning.Gradient;

/// <summary>
/// The loss of one training batch and its gradients with respect to every trainable parameter,
/// per synapse layer (hidden layers first, the readout last), in the layout of the parameters.
/// </summary>
/// <param name="Loss">The mean loss over the batch, CE(Σ_t softmax(v_out[t]), y) (nats).</param>
/// <param name="Weights">∂L/∂W per layer, [inputs, outputs].</param>
/// <param name="Positions">∂L/∂p of the DCLS positions per layer, [inputs, outputs] (1/step; zeros unless delays are learned).</param>
/// <param name="Gamma">∂L/∂γ of batch norm per layer, [outputs] (empty without batch norm).</param>
/// <param name="Beta">∂L/∂β of batch norm per layer, [outputs] (empty without batch norm).</param>
public sealed record DelayGradients(double Loss, float[][] Weights, float[][] Positions, float[][] Gamma, float[][] Beta)
{
    internal static DelayGradients From(double loss, IReadOnlyList<DelayLayer> layers, bool positions)
    {
        int count = layers.Count;
        var weights = new float[count][];
        var position = new float[count][];
        var gamma = new float[count][];
        var beta = new float[count][];
        for (int l = 0; l < count; l++)
        {
            var layer = layers[l];
            weights[l] = (float[])layer.WeightGrad.Clone();
            position[l] = positions ? (float[])layer.PositionGrad.Clone() : new float[layer.PositionGrad.Length];
            gamma[l] = layer.BatchNorm ? (float[])layer.GammaGrad.Clone() : [];
            beta[l] = layer.BatchNorm ? (float[])layer.BetaGrad.Clone() : [];
        }
        return new DelayGradients(loss, weights, position, gamma, beta);
    }
}
