/** The ITL layer: trust-list and `.sgn` files as CUCM's TFTP service writes them and a phone reads them. */
export * from './tlv';
export * from './parse';
export * from './build';
export * from './verify';
export * from './sgn';
export * from './show';
