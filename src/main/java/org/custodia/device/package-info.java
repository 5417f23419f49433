/**
 * Recording devices as fixed assets and their custody (台账): the register, issue and collection
 * with the pre-use check, who held a device at any moment, faults, repairs, loss and retirement.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "ledger", "policy", "identity", "web" })
package org.custodia.device;
