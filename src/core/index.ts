// The public face of the domain core: pure functions and data, no I/O.
export * from './requisites';
export * from './money';
export * from './vat';
export * from './amount-in-words';
export * from './format';
export * from './iso-date';
export * from './numbering';
export * from './bank-statement';
export * from './bank-statement-decode';
export * from './bank-statement-helpers';
export * from './payroll';
export * from './deal-stages';
export * from './work-stats';
