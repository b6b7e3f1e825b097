import { describe, expect, it } from "vitest";
import { audioFrame, level, PcmFramer, Resampler, targetRate, toPcm16 } from "./pcm";

/** Speech-band test signal: two tones and a chirp, so a wrong rate, a lost block or a shifted seam all show. */
const signal = (t: number) => 0.4 * Math.sin(2 * Math.PI * 310 * t) + 0.25 * Math.sin(2 * Math.PI * 1170 * t + 0.7) + 0.2 * Math.sin(2 * Math.PI * (200 + 900 * t) * t);

function sampled(rate: number, seconds: number): Float32Array {
  return Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) => signal(i / rate));
}

/** Pearson correlation of two equally long series. */
function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] / n;
    mb += b[i] / n;
  }
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    ab += (a[i] - ma) * (b[i] - mb);
    aa += (a[i] - ma) ** 2;
    bb += (b[i] - mb) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

/** Feeds `input` in the capture's 128-sample blocks and joins what comes out. */
function resampleInBlocks(resampler: Resampler, input: Float32Array, block = 128): Float32Array {
  const out: number[] = [];
  for (let i = 0; i < input.length; i += block) out.push(...resampler.push(input.subarray(i, i + block)));
  return Float32Array.from(out);
}

/**
 * What 16 kHz output sample k should hold: the signal where the resampler reads it, late by its filter's delay (half
 * the filter, 8 taps per input step plus one; the filter starts on silence, so nothing at the start is lost).
 */
function expected(inputRate: number, count: number): Float32Array {
  const step = inputRate / targetRate;
  const delay = Math.ceil(step) * 4;
  return Float32Array.from({ length: count }, (_, k) => signal((k * step - delay) / inputRate));
}

describe("Resampler", () => {
  it.each([48_000, 44_100])("turns %i Hz capture into the same signal at 16 kHz, across block seams", (rate) => {
    const out = resampleInBlocks(new Resampler(rate), sampled(rate, 2));

    expect(Math.abs(out.length - 2 * targetRate)).toBeLessThan(40);
    expect(correlation(out, expected(rate, out.length))).toBeGreaterThan(0.99);
  });

  it("gives the same samples whatever the block size", () => {
    const input = sampled(48_000, 0.5);
    const whole = new Resampler(48_000).push(input);
    const blocks = resampleInBlocks(new Resampler(48_000), input, 77);

    expect(correlation(blocks, whole.subarray(0, blocks.length))).toBeGreaterThan(0.9999);
  });

  it("would be caught reading at the wrong rate", () => {
    const out = resampleInBlocks(new Resampler(44_100), sampled(48_000, 1));

    expect(correlation(out, expected(48_000, out.length))).toBeLessThan(0.5);
  });

  it("filters out what 16 kHz cannot carry instead of folding it into the speech band", () => {
    const rate = 48_000;
    const tone = Float32Array.from({ length: rate }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 11_000 * i) / rate));
    const out = resampleInBlocks(new Resampler(rate), tone);
    const peak = Math.max(...out.subarray(100).map(Math.abs));

    expect(peak).toBeLessThan(0.05);
  });
});

describe("audio frames", () => {
  it("starts with the channel byte and carries the samples little-endian", () => {
    const frame = new Uint8Array(audioFrame("client", Int16Array.of(1, -2, 0x1234)));

    expect([...frame]).toEqual([2, 0x01, 0x00, 0xfe, 0xff, 0x34, 0x12]);
    expect(new Uint8Array(audioFrame("agent", new Int16Array(0)))[0]).toBe(1);
  });

  it("clips floats to 16 bits", () => {
    expect([...toPcm16(Float32Array.of(-2, -1, 0, 0.5, 1, 2))]).toEqual([-32768, -32768, 0, 16384, 32767, 32767]);
  });

  it("frames a speaker's capture into 50 ms frames that hold the signal in order", () => {
    const framer = new PcmFramer("agent", 48_000);
    const input = sampled(48_000, 1);
    const frames: ArrayBuffer[] = [];
    for (let i = 0; i < input.length; i += 128) frames.push(...framer.push(input.subarray(i, i + 128)));

    expect(frames.length).toBe(20); // 1 s of 16 kHz is 16 000 samples: 20 frames of 800
    expect(frames.every((f) => f.byteLength === 1 + 800 * 2 && new Uint8Array(f)[0] === 1)).toBe(true);
    const samples = frames.flatMap((f) => [...new Int16Array(f.slice(1))].map((s) => s / 32768));
    expect(correlation(samples, expected(48_000, samples.length))).toBeGreaterThan(0.99);
  });
});

describe("level", () => {
  it("is 0 for silence, 1 at full scale, and in between for speech levels", () => {
    expect(level(new Float32Array(128))).toBe(0);
    expect(level(Float32Array.of(0, -1, 0.2))).toBe(1);
    expect(level(Float32Array.of(0.03))).toBeCloseTo(1 - 30.46 / 60, 2);
  });
});
