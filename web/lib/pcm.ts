/** The rate the live call's socket takes (PROTOCOL.md): 16 kHz mono signed 16-bit little-endian PCM. */
export const targetRate = 16_000;

/** Byte 0 of an audio frame: which speaker the audio is (agentcalls.transcription.v1.Channel). */
export const channelByte = { agent: 1, client: 2 } as const;
export type Speaker = keyof typeof channelByte;

/**
 * Turns a stream of float samples at the capture rate (44.1 or 48 kHz in browsers) into 16 kHz, block by block,
 * with no seams between blocks: a low-pass filter below the new Nyquist frequency (a windowed sinc), then each
 * output sample read between the two input samples around it.
 */
export class Resampler {
  private readonly step: number;
  private readonly taps: Float32Array;
  /** Input kept from the previous block: the filter's history and the samples the next output falls between. */
  private history: Float32Array;
  /** Where the next output sample lies, in input samples from the start of `history`'s filtered part. */
  private position = 0;

  constructor(
    readonly inputRate: number,
    readonly outputRate = targetRate,
  ) {
    if (inputRate <= 0 || outputRate <= 0) throw new RangeError("Sample rates must be positive.");
    this.step = inputRate / outputRate;
    this.taps = inputRate > outputRate ? lowPassTaps(outputRate / 2 / inputRate, Math.ceil(this.step) * 8 + 1) : Float32Array.of(1);
    this.history = new Float32Array(this.taps.length - 1);
  }

  /** The output samples this block completes; the rest waits for the next block. */
  push(block: Float32Array): Float32Array {
    const input = new Float32Array(this.history.length + block.length);
    input.set(this.history);
    input.set(block, this.history.length);
    const filtered = filter(input, this.taps);
    const out: number[] = [];
    while (this.position + 1 < filtered.length) {
      const index = Math.floor(this.position);
      const fraction = this.position - index;
      out.push(filtered[index] * (1 - fraction) + filtered[index + 1] * fraction);
      this.position += this.step;
    }
    // Keep what the filter needs for the next block's first outputs, and the sample the next output starts from.
    const consumed = Math.min(Math.floor(this.position), filtered.length);
    this.position -= consumed;
    this.history = input.slice(consumed);
    return Float32Array.from(out);
  }
}

/** A windowed-sinc (Blackman) low-pass with `cutoff` as a fraction of the sample rate, gain 1 at DC. */
function lowPassTaps(cutoff: number, length: number): Float32Array {
  const taps = new Float32Array(length);
  const middle = (length - 1) / 2;
  let sum = 0;
  for (let i = 0; i < length; i++) {
    const x = i - middle;
    const sinc = x === 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * x) / (Math.PI * x);
    const window = 0.42 - 0.5 * Math.cos((2 * Math.PI * i) / (length - 1)) + 0.08 * Math.cos((4 * Math.PI * i) / (length - 1));
    taps[i] = sinc * window;
    sum += taps[i];
  }
  return taps.map((t) => t / sum);
}

/** The "valid" part of the convolution: output i covers input i … i + taps − 1. */
function filter(input: Float32Array, taps: Float32Array): Float32Array {
  const length = Math.max(0, input.length - taps.length + 1);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) {
    let sum = 0;
    for (let t = 0; t < taps.length; t++) sum += input[i + t] * taps[t];
    out[i] = sum;
  }
  return out;
}

/** Floats in −1 … 1 as signed 16-bit samples, clipped. */
export function toPcm16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]));
    out[i] = Math.round(s < 0 ? s * 0x8000 : s * 0x7fff);
  }
  return out;
}

/** One binary frame of the socket: the channel byte, then the samples little-endian. */
export function audioFrame(speaker: Speaker, samples: Int16Array): ArrayBuffer {
  const frame = new ArrayBuffer(1 + samples.length * 2);
  const view = new DataView(frame);
  view.setUint8(0, channelByte[speaker]);
  samples.forEach((sample, i) => view.setInt16(1 + i * 2, sample, true));
  return frame;
}

/**
 * Collects one speaker's captured audio into frames of `frameSamples` 16 kHz samples (50 ms by default), the way
 * the socket takes them: capture blocks are 128 samples, far too small to send one by one.
 */
export class PcmFramer {
  private readonly resampler: Resampler;
  private pending = new Int16Array(0);

  constructor(
    readonly speaker: Speaker,
    inputRate: number,
    private readonly frameSamples = targetRate / 20,
  ) {
    this.resampler = new Resampler(inputRate);
  }

  /** The frames this capture block completes (often none). */
  push(block: Float32Array): ArrayBuffer[] {
    const samples = toPcm16(this.resampler.push(block));
    const all = new Int16Array(this.pending.length + samples.length);
    all.set(this.pending);
    all.set(samples, this.pending.length);
    const frames: ArrayBuffer[] = [];
    let offset = 0;
    for (; offset + this.frameSamples <= all.length; offset += this.frameSamples) {
      frames.push(audioFrame(this.speaker, all.subarray(offset, offset + this.frameSamples)));
    }
    this.pending = all.slice(offset);
    return frames;
  }
}

/** How loud a block is, 0 … 1, for a level meter: the peak, on a scale that shows speech well (−60 dB … 0 dB). */
export function level(block: Float32Array): number {
  let peak = 0;
  for (const s of block) peak = Math.max(peak, Math.abs(s));
  if (peak <= 0.001) return 0;
  return Math.min(1, Math.max(0, 1 + (20 * Math.log10(peak)) / 60));
}
