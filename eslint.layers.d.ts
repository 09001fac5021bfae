// Types of eslint.layers.js (plain JS, so that eslint.config.js can load it without a build).
import type { Linter } from 'eslint';

export declare const LAYERS: Readonly<Record<'text' | 'model' | 'parse' | 'check' | 'view' | 'run' | 'report' | 'cheatsheet' | 'oncall' | 'site' | 'io' | 'adopt' | 'cli', readonly string[]>>;

export declare function layerBlocks(): Linter.Config[];
