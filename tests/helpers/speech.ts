/** One call the page made on the recorded speechSynthesis. */
export interface SpeechCall {
  type: "speak" | "cancel" | "pause" | "resume";
  text?: string;
  lang?: string;
  rate?: number;
  /** The name of the voice the page chose, or null for the browser's default. */
  voice?: string | null;
}

/** What the recorder leaves on `window.__speech`. */
export interface SpeechRecorder {
  log: SpeechCall[];
  /** true: every utterance "ends" a moment after it starts; false: only when `finish()` is called. */
  auto: boolean;
  /** Ends the utterance being spoken (manual mode). */
  finish(): void;
  /** true: every utterance fails at once, as in a browser with no voice at all. */
  fail: boolean;
}

/**
 * An init script (for `context.addInitScript`) that replaces the browser's speech synthesis by a
 * recorder: `speak`, `cancel`, `pause`, `resume` and `getVoices` (an English voice, a zh-CN one
 * synthesized by a server and a local one written zh_CN, as some Android browsers do),
 * and a plain SpeechSynthesisUtterance. A cancelled utterance gets an "interrupted" error, as
 * Chromium does. Headless Chromium has no voices, so this is also the only way to hear anything.
 */
export function installSpeechRecorder(): void {
  type Utterance = {
    text: string;
    lang: string;
    rate: number;
    voice: { name: string } | null;
    onend: ((event: unknown) => void) | null;
    onerror: ((event: unknown) => void) | null;
  };
  const log: unknown[] = [];
  let current: Utterance | null = null;
  const voices = [
    { name: "English", lang: "en-US", default: true, localService: true, voiceURI: "en" },
    { name: "Google 普通话（中国大陆）", lang: "zh-CN", default: false, localService: false, voiceURI: "google-zh" },
    { name: "Tingting", lang: "zh_CN", default: false, localService: true, voiceURI: "tingting" },
  ];
  const end = (utterance: Utterance | null) => {
    if (utterance && current === utterance) {
      current = null;
      utterance.onend?.({ type: "end" });
    }
  };
  const recorder = {
    log,
    auto: true,
    fail: false,
    finish: () => end(current),
  };
  const synth = {
    speaking: false,
    paused: false,
    pending: false,
    speak(utterance: Utterance) {
      log.push({
        type: "speak",
        text: utterance.text,
        lang: utterance.lang,
        rate: utterance.rate,
        voice: utterance.voice ? utterance.voice.name : null,
      });
      current = utterance;
      if (recorder.fail) {
        current = null;
        setTimeout(() => utterance.onerror?.({ type: "error", error: "synthesis-failed" }), 1);
      } else if (recorder.auto) setTimeout(() => end(utterance), 1);
    },
    cancel() {
      log.push({ type: "cancel" });
      const utterance = current;
      current = null;
      utterance?.onerror?.({ type: "error", error: "interrupted" });
    },
    pause() {
      log.push({ type: "pause" });
    },
    resume() {
      log.push({ type: "resume" });
    },
    getVoices: () => voices,
  };
  function SpeechSynthesisUtterance(this: Utterance, text: string) {
    this.text = text;
    this.lang = "";
    this.rate = 1;
    this.voice = null;
    this.onend = null;
    this.onerror = null;
  }
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  Object.defineProperty(window, "SpeechSynthesisUtterance", { value: SpeechSynthesisUtterance, configurable: true });
  Object.defineProperty(window, "__speech", { value: recorder, configurable: true });
}

/** An init script that takes speech synthesis away, as in a browser without it. */
export function removeSpeech(): void {
  Object.defineProperty(window, "speechSynthesis", { value: undefined, configurable: true });
  Object.defineProperty(window, "SpeechSynthesisUtterance", { value: undefined, configurable: true });
}
