/** Keyset pagination: the position a page continues after. */
package dev.casemail.messaging.core.paging;
