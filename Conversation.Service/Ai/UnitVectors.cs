using System.Numerics.Tensors;

namespace AgentCalls.Conversation.Service.Ai;

/// <summary>Scales vectors to unit length, so that similarity is one dot product.</summary>
public static class UnitVectors
{
    public static float[] Normalize(float[] vector)
    {
        var norm = MathF.Sqrt(TensorPrimitives.SumOfSquares(vector));
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }
}
