import { NODE_SHELL } from '../src/cli/shell.js';
import { loadProject as runPipeline, type Project, type ProjectOptions } from '../src/run/project.js';

/** The one pipeline with this machine's effects, as the commands run it. */
export function loadProject(options: ProjectOptions): Promise<Project> {
  return runPipeline(options, NODE_SHELL);
}
