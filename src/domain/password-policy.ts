import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

/**
 * Password policy for passwords a person chooses (creation with a chosen password, change, operator reset).
 *
 * - GB/T 22239-2019 (网络安全等级保护基本要求) 8.1.4.1 a): 身份鉴别信息具有复杂度要求并定期更换 — here as
 *   a minimum length plus a strength estimate instead of composition rules;
 * - NIST SP 800-63B §5.1.1.2: refuse passwords from lists of commonly used, expected or compromised values, and
 *   context-specific words (the user's name and username, the platform's published demo password).
 *
 * Strength is zxcvbn's score (0–4, @zxcvbn-ts with the common-password and keyboard dictionaries); at least
 * {@link MIN_PASSWORD_SCORE} is required. Answers carry the estimator's feedback in Chinese and English.
 */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;
export const MIN_PASSWORD_SCORE = 3;

/** The password of the demo logins, published in the README: never acceptable as a chosen password. */
export const PUBLISHED_DEMO_PASSWORD = 'Reman#2026';

const estimator = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });

const WARNINGS: Record<string, [string, string]> = {
  straightRow: ['键盘上连续的一行按键很容易被猜中', 'Straight rows of keys on your keyboard are easy to guess'],
  keyPattern: ['简短的键盘图案很容易被猜中', 'Short keyboard patterns are easy to guess'],
  simpleRepeat: ['重复的字符（如 "aaa"）很容易被猜中', 'Repeated characters like "aaa" are easy to guess'],
  extendedRepeat: ['重复的字符组合（如 "abcabc"）很容易被猜中', 'Repeated character patterns like "abcabc" are easy to guess'],
  sequences: ['常见的字符序列（如 "abc"、"123"）很容易被猜中', 'Common character sequences like "abc" are easy to guess'],
  recentYears: ['近年的年份很容易被猜中', 'Recent years are easy to guess'],
  dates: ['日期很容易被猜中', 'Dates are easy to guess'],
  topTen: ['这是最常用的密码之一', 'This is a heavily used password'],
  topHundred: ['这是非常常用的密码', 'This is a frequently used password'],
  common: ['这是常用密码', 'This is a commonly used password'],
  similarToCommon: ['与常用密码过于相似', 'This is similar to a commonly used password'],
  wordByItself: ['单个单词很容易被猜中', 'Single words are easy to guess'],
  namesByThemselves: ['单独的姓名很容易被猜中', 'Single names or surnames are easy to guess'],
  commonNames: ['常见的姓名很容易被猜中', 'Common names and surnames are easy to guess'],
  userInputs: ['不得包含用户名、姓名或平台公开的演示密码', 'It must not contain your username, your name or the published demo password'],
  pwned: ['该密码已在数据泄露中出现', 'This password was exposed in a data breach'],
};
const SUGGESTIONS: Record<string, [string, string]> = {
  l33t: ['避免可预测的字母替换（如用 "@" 代替 "a"）', 'Avoid predictable letter substitutions like "@" for "a"'],
  reverseWords: ['避免常用词的倒写', 'Avoid reversed spellings of common words'],
  allUppercase: ['部分大写即可，不要全部大写', 'Capitalise some, but not all letters'],
  capitalization: ['大写字母不要只放在开头', 'Capitalise more than the first letter'],
  dates: ['避免与自己相关的日期和年份', 'Avoid dates and years that are associated with you'],
  recentYears: ['避免近年的年份', 'Avoid recent years'],
  associatedYears: ['避免与自己相关的年份', 'Avoid years that are associated with you'],
  sequences: ['避免常见的字符序列', 'Avoid common character sequences'],
  repeated: ['避免重复的单词和字符', 'Avoid repeated words and characters'],
  longerKeyboardPattern: ['使用更长的键盘图案并多次改变方向', 'Use longer keyboard patterns and change typing direction multiple times'],
  anotherWord: ['再加几个不常见的词', 'Add more words that are less common'],
  useWords: ['使用多个单词，但避免常见短语', 'Use multiple words, but avoid common phrases'],
  noNeed: ['无需符号、数字或大写字母，多个不常见的词即可构成强密码', 'You can create strong passwords without using symbols, numbers, or uppercase letters'],
  pwned: ['如在别处使用过该密码，请一并修改', 'If you use this password elsewhere, you should change it'],
};

export interface PasswordProblem {
  message: string;
  messageEn: string;
  /** zxcvbn score 0–4 (null when refused before estimating) */
  score: number | null;
}

/**
 * Why a chosen password is refused, or null when it is acceptable. `userInputs`: words of this user's context
 * (username, display name, organisation) that make a password guessable.
 */
export function passwordProblem(password: string, userInputs: readonly string[] = []): PasswordProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    return {
      message: `密码须为 ${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} 位`,
      messageEn: `The password must be ${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} characters long`,
      score: null,
    };
  }
  const inputs = [PUBLISHED_DEMO_PASSWORD, ...userInputs.flatMap((w) => [w, ...w.split(/[^\p{L}\p{N}]+/u)])].filter((w) => w.length >= 3);
  const r = estimator.check(password, inputs);
  if (r.score >= MIN_PASSWORD_SCORE) return null;
  const warning = r.feedback.warning ? WARNINGS[r.feedback.warning] : undefined;
  const tips = r.feedback.suggestions.map((s) => SUGGESTIONS[s]).filter((t): t is [string, string] => !!t);
  const zh = [warning?.[0], ...tips.map((t) => t[0])].filter(Boolean).join('；');
  const en = [warning?.[1], ...tips.map((t) => t[1])].filter(Boolean).join('; ');
  return {
    message: `密码强度不足（${r.score}/4，至少 ${MIN_PASSWORD_SCORE}）${zh ? `：${zh}` : ''}`,
    messageEn: `The password is too weak (${r.score}/4, at least ${MIN_PASSWORD_SCORE} needed)${en ? `: ${en}` : ''}`,
    score: r.score,
  };
}
