import type { StepKind } from '../traceApi';
import { assessment } from './assessment';
import { cleaning } from './cleaning';
import { disassembly } from './disassembly';
import { inspection } from './inspection';
import { intake } from './intake';
import { process } from './process';
import { installation, lease, marking, removal, sale } from './product-steps';
import { reassembly } from './reassembly';
import { shipping } from './shipping';
import { test } from './test';
import type { StepModule } from './types';

/** One module per lifecycle step (issue 11 item 6): the step form looks its step up here. */
export const STEP_MODULES: Record<StepKind, StepModule> = { intake, inspection, disassembly, cleaning, assessment, process, reassembly, test, marking, shipping, sale, lease, installation, removal };

export type { StepModule, Values, Work } from './types';
