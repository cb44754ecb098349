/** How the domain's values are stored, where the persistence provider needs telling. */
package dev.portcullis.persistence;
