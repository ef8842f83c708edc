import { mandarinVoice } from "./sentences.ts";

/** One sentence to say, and the block it is in (highlighted while 连读 reads it). */
export interface ReadingItem {
  text: string;
  element: Element | null;
}

/** idle; playing (连读, highlighting its blocks); paused; point (指读, one target). */
export type ReaderState = "idle" | "playing" | "paused" | "point";

/** What the reader tells the toolbar. */
export interface ReaderHooks {
  /** The speech rate of the settings. */
  rate(): number;
  /** A message for the toolbar's status line. */
  say(message: string): void;
  /** The text being said, for the caption bar. */
  showCaption(text: string): void;
  /** The state changed (the toolbar's speech buttons follow it). */
  changed(): void;
}

/** The page's speech: the browser's speechSynthesis, zh-CN, one sentence at a time. */
export interface Reader {
  readonly canSpeak: boolean;
  state(): ReaderState;
  /** Whether the device has voices and none of them is Chinese. */
  noChineseVoice(): boolean;
  /** Picks the Mandarin voice again (the browser's voice list may come late). */
  pickVoice(): void;
  start(items: ReadingItem[], state: ReaderState): void;
  pause(): void;
  resume(): void;
  stop(): void;
}

/**
 * A reader over `synth` (none: a browser without speech). Utterances carry a token: a cancel makes
 * the ones already queued end silently. An error before anything was said means no usable voice (a
 * browser without any, as on Linux without speech-dispatcher); later, the sentence is skipped.
 */
export function createReader(
  synth: SpeechSynthesis | undefined,
  Utterance: typeof SpeechSynthesisUtterance | undefined,
  hooks: ReaderHooks,
): Reader {
  const canSpeak = Boolean(
    synth && typeof synth.speak === "function" && typeof synth.cancel === "function" && Utterance,
  );
  const speech = synth as SpeechSynthesis;
  let voice: SpeechSynthesisVoice | null = null;
  let noChineseVoice = false;
  let state: ReaderState = "idle";
  let queue: ReadingItem[] = [];
  let index = 0;
  let token = 0;
  let marked: Element | null = null;
  let spoken = false;

  // The block being read: class a11y-reading, scrolled into view when it is off screen.
  function mark(target: Element | null) {
    if (marked) marked.classList.remove("a11y-reading");
    marked = target;
    if (!target) return;
    target.classList.add("a11y-reading");
    const box = target.getBoundingClientRect();
    if (box.bottom < 0 || box.top > window.innerHeight) target.scrollIntoView({ block: "center" });
  }

  function speakNext() {
    const item = queue[index];
    if (!item) {
      const finished = state === "playing";
      state = "idle";
      queue = [];
      mark(null);
      hooks.changed();
      if (finished) hooks.say("朗读完毕");
      return;
    }
    token += 1;
    const mine = token;
    const utterance = new (Utterance as typeof SpeechSynthesisUtterance)(item.text);
    utterance.lang = "zh-CN";
    utterance.rate = hooks.rate();
    if (voice) utterance.voice = voice;
    const ended = () => {
      if (mine !== token) return;
      spoken = true;
      index += 1;
      speakNext();
    };
    utterance.onend = ended;
    utterance.onerror = () => {
      if (mine !== token) return;
      if (spoken) {
        ended();
        return;
      }
      stop();
      hooks.say("朗读失败：浏览器找不到可用的语音。可以在系统设置里添加中文语音，或改用手机、电脑自带的朗读功能。");
    };
    if (state === "playing") mark(item.element);
    hooks.showCaption(item.text);
    speech.speak(utterance);
  }

  function silence() {
    token += 1;
    if (canSpeak) speech.cancel();
  }

  function stop() {
    if (state === "idle") return;
    silence();
    state = "idle";
    queue = [];
    mark(null);
    hooks.changed();
  }

  return {
    canSpeak,
    state: () => state,
    noChineseVoice: () => noChineseVoice,
    pickVoice() {
      const voices = (canSpeak && typeof speech.getVoices === "function" && speech.getVoices()) || [];
      voice = mandarinVoice(voices) || null;
      noChineseVoice = voices.length > 0 && !voice;
    },
    start(items, next) {
      silence();
      spoken = false;
      queue = items;
      index = 0;
      state = items.length ? next : "idle";
      if (items.length) speakNext();
      hooks.changed();
    },
    pause() {
      if (state !== "playing") return;
      silence();
      state = "paused";
      hooks.changed();
      hooks.say("已暂停，按“继续”接着读");
    },
    resume() {
      if (state !== "paused") return;
      state = "playing";
      speakNext();
      hooks.changed();
    },
    stop,
  };
}
