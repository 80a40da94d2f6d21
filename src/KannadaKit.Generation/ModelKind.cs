namespace KannadaKit.Generation;

/// <summary>The two model families the engine runs.</summary>
public enum ModelKind
{
    /// <summary>A decoder-only language model (<c>model.onnx</c>): GPT-2, Llama, Gemma, Qwen…</summary>
    DecoderOnly,

    /// <summary>An encoder-decoder model (<c>encoder_model.onnx</c> + a decoder): T5, mT5, BART, Marian, Whisper…</summary>
    EncoderDecoder,
}
