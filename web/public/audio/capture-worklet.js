// The live call's audio tap: hands each 128-sample block of every input channel to the page, which resamples it to
// 16 kHz PCM16 and frames it for the socket (lib/pcm.ts). A static file, so the content security policy's
// script-src 'self' allows it.
class CaptureTap extends AudioWorkletProcessor {
  process(inputs) {
    const input = inputs[0];
    if (input && input.length > 0) {
      const channels = input.map((channel) => channel.slice());
      this.port.postMessage(channels, channels.map((channel) => channel.buffer));
    }
    return true;
  }
}

registerProcessor("capture-tap", CaptureTap);
