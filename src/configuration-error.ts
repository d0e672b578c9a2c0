/** A setting in the environment that the register cannot start with; its message names the variable. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

/**
 * Settings are read when src/config.ts is first imported, before an entry point's own code (and
 * its error handling) runs. Imported first by each entry point, this turns a ConfigurationError
 * thrown while the others load into one line and exit code 78 (EX_CONFIG) instead of a stack
 * trace; the entry point releases it once its imports are done.
 */
function refuseBadConfiguration(e: Error): void {
  if (e instanceof ConfigurationError) {
    console.error(`Verwerkingsregister could not start: ${e.message}`);
    process.exit(78);
  }
  console.error(e);
  process.exit(1);
}

process.on('uncaughtException', refuseBadConfiguration);

export function releaseConfigurationGuard(): void {
  process.removeListener('uncaughtException', refuseBadConfiguration);
}
