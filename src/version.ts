declare const __ACR_DOCTOR_VERSION__: string | undefined;

/** Replaced by the bundler; tests running from source read package.json's version through the env. */
export const VERSION: string =
  typeof __ACR_DOCTOR_VERSION__ === 'string' ? __ACR_DOCTOR_VERSION__ : (process.env.ACR_DOCTOR_DEV_VERSION ?? '0.0.0-dev');
