import pkg from '../package.json' with { type: 'json' };

/** factwatch's version, from package.json (bundled into Lambdas; sent in the User-Agent). */
export const VERSION: string = pkg.version;
